// Operator search text goes into ILIKE patterns: `%`, `_` and `\` must match literally.

/** `value` with LIKE wildcards and the escape character escaped (Postgres default escape `\`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
