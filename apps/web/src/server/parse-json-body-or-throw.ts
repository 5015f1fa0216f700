// The web API's one JSON body parser: a parsed `application/json` media type (not a substring),
// a byte limit enforced while streaming (413 before the body is buffered), no NUL in any string,
// then the route's zod schema. Every failure is a 4xx ApiError with a message.
import type { z } from "zod";
import { DEFAULT_JSON_BODY_LIMIT_BYTES, readJsonBodyOrThrow } from "@repo/auth/http";
import { ApiError, flattenIssues } from "@repo/api-errors";

/**
 * Parses a JSON request body with `schema`; throws a 400 ApiError with per-field messages, or a
 * 413 past `maxBytes` (default 64 KiB, the limit of every web JSON route today).
 */
export async function parseJsonBodyOrThrow<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { maxBytes?: number } = {},
): Promise<z.infer<S>> {
  // A RequestInputError (400/413) is an ApiError: it answers as it is.
  const body = await readJsonBodyOrThrow(request, { maxBytes: options.maxBytes ?? DEFAULT_JSON_BODY_LIMIT_BYTES });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError("invalid_request", "Some fields are invalid.", { fields: flattenIssues(parsed.error) });
  }
  return parsed.data;
}
