// The web API's one JSON body parser: a parsed `application/json` media type (not a substring),
// a byte limit enforced while streaming (413 before the body is buffered), no NUL in any string,
// then the route's zod schema. Every failure is a 4xx ApiError with a message.
import type { z } from "zod";
import { DEFAULT_JSON_BODY_LIMIT_BYTES, RequestInputError, readJsonBodyOrThrow } from "@repo/auth/http";
import { ApiError, toFieldErrors } from "./api-error";

/**
 * Parses a JSON request body with `schema`; throws a 400 ApiError with per-field messages, or a
 * 413 past `maxBytes` (default 64 KiB, the limit of every web JSON route today).
 */
export async function parseJsonBodyOrThrow<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { maxBytes?: number } = {},
): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await readJsonBodyOrThrow(request, { maxBytes: options.maxBytes ?? DEFAULT_JSON_BODY_LIMIT_BYTES });
  } catch (error) {
    if (error instanceof RequestInputError)
      throw new ApiError(error.code, error.message, error.fields ? { fields: error.fields } : {});
    throw error;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError("invalid_request", "Some fields are invalid.", { fields: toFieldErrors(parsed.error.issues) });
  }
  return parsed.data;
}
