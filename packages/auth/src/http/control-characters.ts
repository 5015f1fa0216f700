// "No control characters" for every text input (web-standard). Postgres refuses NUL in text
// (a 500 if it reaches the driver), and the other C0/C1 controls hide or rewrite what a reader
// sees in logs and consoles. One rule, shared by request targets, bodies and zod schemas.
import { z } from "zod";

export const CONTROL_CHARACTER_MESSAGE = "Remove control characters (such as NUL, tab or line breaks) from this value.";

/** True when `value` holds a C0 control (U+0000–U+001F), DEL, or a C1 control (U+0080–U+009F). */
export function hasControlCharacter(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f-\u009f]/.test(value);
}

/** A zod string refinement: `noControlCharacters(z.string().trim().max(120))`. */
export function noControlCharacters<S extends z.ZodType<string>>(schema: S): S {
  return schema.refine((value) => !hasControlCharacter(value), CONTROL_CHARACTER_MESSAGE) as S;
}

/** A plain single-line text schema (no control characters), the base for names, queries, labels. */
export const plainTextSchema = noControlCharacters(z.string());

/**
 * Paths (`"name"`, `"items.0"`) of every string in a parsed JSON value that contains NUL, which
 * no text column can store. Keys are checked too. Bounded by the body size limit.
 */
export function findNulPaths(value: unknown, path: string[] = [], out: string[] = []): string[] {
  if (typeof value === "string") {
    if (value.includes("\u0000")) out.push(path.length ? path.join(".") : "_");
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findNulPaths(item, [...path, String(index)], out));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) out.push([...path, "_key"].join("."));
      findNulPaths(item, [...path, key], out);
    }
  }
  return out;
}
