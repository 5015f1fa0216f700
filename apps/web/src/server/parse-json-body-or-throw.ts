import type { z } from "zod";
import { ApiError, toFieldErrors } from "./api-error";

const MAX_BODY_BYTES = 64 * 1024;

/** Parses a JSON request body with `schema`; throws a 400 ApiError with per-field messages. */
export async function parseJsonBodyOrThrow<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().includes("application/json")) {
    throw new ApiError("invalid_request", "Send a JSON body with `content-type: application/json`.");
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError("invalid_request", "The request body is too large.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_request", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError("invalid_request", "Some fields are invalid.", { fields: toFieldErrors(parsed.error.issues) });
  }
  return parsed.data;
}
