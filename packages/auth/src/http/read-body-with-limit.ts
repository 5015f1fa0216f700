// Request bodies read with a byte limit (web-standard streams): an oversized body is refused
// from its Content-Length before any byte is read, or as soon as the stream passes the limit,
// so no route ever buffers more than it accepts.
import { findNulPaths } from "./control-characters";
import { isJsonContentType } from "./media-type";
import { RequestInputError } from "./request-input-error";

/** The default limit of a JSON API body: generous for forms, tiny for memory. */
export const DEFAULT_JSON_BODY_LIMIT_BYTES = 64 * 1024;

function tooLarge(maxBytes: number): RequestInputError {
  return new RequestInputError(
    "payload_too_large",
    `The request body is larger than ${maxBytes} bytes. Send less data.`,
  );
}

/** The body as UTF-8 text, at most `maxBytes`; 413 past it, 400 on bytes that are not UTF-8. */
export async function readBodyTextOrThrow(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > maxBytes)) {
    if (!/^\d+$/.test(declared))
      throw new RequestInputError("invalid_request", "The Content-Length header is malformed.");
    throw tooLarge(maxBytes);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new RequestInputError("invalid_request", "The request body is not valid UTF-8 text.");
  }
}

/**
 * A JSON body: `content-type` must parse as `application/json`, the body must fit `maxBytes`
 * (413), parse as JSON, and hold no NUL in any string (400 naming the fields). An empty body
 * is `emptyAs` when given, else a 400.
 */
export async function readJsonBodyOrThrow(
  request: Request,
  options: { maxBytes?: number; emptyAs?: unknown } = {},
): Promise<unknown> {
  const maxBytes = options.maxBytes ?? DEFAULT_JSON_BODY_LIMIT_BYTES;
  const isJson = isJsonContentType(request.headers.get("content-type"));
  const text = await readBodyTextOrThrow(request, maxBytes);
  if (text.trim() === "") {
    // An empty body needs no media type (e.g. a POST without options).
    if (options.emptyAs !== undefined) return options.emptyAs;
    throw new RequestInputError("invalid_request", "The request body is empty: send a JSON object.");
  }
  if (!isJson)
    throw new RequestInputError("invalid_request", "Send a JSON body with `content-type: application/json`.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RequestInputError("invalid_request", "The request body is not valid JSON.");
  }
  const nulPaths = findNulPaths(body);
  if (nulPaths.length > 0) {
    const fields = Object.fromEntries(
      nulPaths.map((p) => [p, ["Remove the NUL character (\\u0000) from this value."]]),
    );
    throw new RequestInputError(
      "invalid_request",
      "Some fields contain a NUL character, which can't be stored.",
      fields,
    );
  }
  return body;
}
