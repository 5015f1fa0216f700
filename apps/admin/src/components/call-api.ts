// Browser-side client for the admin JSON API (same origin, session cookie). Errors arrive in
// the shared shape and are rethrown as `ApiClientError` so forms can show field messages.
export class ApiClientError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: Record<string, string[]> | undefined;
  constructor(status: number, code: string, message: string, fields?: Record<string, string[]>) {
    super(message);
    this.name = "ApiClientError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string[]> } };

export async function callApi<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as T & ErrorBody;
  if (!response.ok) {
    const e = data.error ?? {};
    throw new ApiClientError(
      response.status,
      e.code ?? "unknown",
      e.message ?? `Request failed (${response.status})`,
      e.fields,
    );
  }
  return data;
}
