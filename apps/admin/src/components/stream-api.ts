// Browser-side client for the admin API's NDJSON streams (e.g. tenant provisioning progress).
// Every line goes to `onLine` as it arrives. A non-2xx answer (validation, auth, scope) is a
// plain JSON error and becomes an `ApiClientError`, like `callApi`; an unreachable server is an
// `ApiClientError` with code "network_error", so forms can say what to do.
import { ApiClientError } from "./call-api";

type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string[]> } };

export async function streamApi(path: string, body: unknown, onLine: (line: unknown) => void): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/x-ndjson" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiClientError(
      0,
      "network_error",
      "The console server could not be reached. Check that it is running and your connection, then retry.",
    );
  }
  if (!response.ok || !response.body) {
    const data = (await response.json().catch(() => ({}))) as ErrorBody;
    const e = data.error ?? {};
    throw new ApiClientError(
      response.status,
      e.code ?? "unknown",
      e.message ?? `Request failed (${response.status}). Retry in a moment.`,
      e.fields,
    );
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      let newline: number;
      while ((newline = buffered.indexOf("\n")) !== -1) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line) onLine(JSON.parse(line));
      }
    }
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new ApiClientError(
        0,
        "bad_stream",
        "The server sent an unreadable progress update. Check the tenant list before retrying.",
      );
    throw new ApiClientError(
      0,
      "network_error",
      "The connection to the console server was lost. Check the tenant list before retrying.",
    );
  }
  if (buffered.trim()) onLine(JSON.parse(buffered));
}
