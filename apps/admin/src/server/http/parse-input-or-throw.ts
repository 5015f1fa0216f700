// Validates request input with a zod schema; failures become a 400 `validation_failed`
// with per-field messages, so the console can show them next to the inputs.
import type { z } from "zod";
import { ApiError, type ApiErrorFields } from "./api-error";

export function parseInputOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: ApiErrorFields = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  throw new ApiError("invalid_request", "Some fields are invalid: fix them and try again.", fields);
}

/** Reads a JSON body; an empty or malformed body is a 400, not a 500. */
export async function readJsonBodyOrThrow(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("invalid_request", "The request body is not valid JSON.");
  }
}

/** Query-string parameters as a plain object (first value wins). */
export function readSearchParams(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (!(key in out)) out[key] = value;
  return out;
}
