import type { z } from "zod";
import { ApiError, type FieldErrors } from "./api-error";

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
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
      (fields[key] ??= []).push(issue.message);
    }
    throw new ApiError("invalid_request", "Some fields are invalid.", { fields });
  }
  return parsed.data;
}
