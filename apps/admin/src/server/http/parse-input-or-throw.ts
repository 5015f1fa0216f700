// Validates request input with a zod schema; failures become a 400 `invalid_request`
// with per-field messages, so the console can show them next to the inputs.
import type { z } from "zod";
import {
  DEFAULT_JSON_BODY_LIMIT_BYTES,
  hasControlCharacter,
  readJsonBodyOrThrow as readJsonBody,
} from "@repo/auth/http";
import { ApiError, flattenIssues } from "@repo/api-errors";

export function parseInputOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ApiError("invalid_request", "Some fields are invalid: fix them and try again.", {
    fields: flattenIssues(result.error),
  });
}

/**
 * Reads a JSON body: `content-type: application/json` (parsed, not substring-matched), at most
 * `maxBytes` (default 64 KiB, every /api/v1 route today: 413 past it, refused while streaming),
 * no NUL in any string. An empty body is `{}`. Malformed input is a 400, never a 500.
 */
export async function readJsonBodyOrThrow(request: Request, options: { maxBytes?: number } = {}): Promise<unknown> {
  // A RequestInputError (400/413) is an ApiError: it answers as it is.
  return readJsonBody(request, { maxBytes: options.maxBytes ?? DEFAULT_JSON_BODY_LIMIT_BYTES, emptyAs: {} });
}

/** Query-string parameters as a plain object (first value wins); control characters are a 400. */
export function readSearchParams(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    if (hasControlCharacter(key) || hasControlCharacter(value)) {
      throw new ApiError(
        "invalid_request",
        `The query parameter "${key.replace(/[^\x20-\x7e]/g, "?")}" contains a control character (such as %00). Remove it.`,
      );
    }
    if (!(key in out)) out[key] = value;
  }
  return out;
}
