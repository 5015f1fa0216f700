// Per-field messages of a 400: `{ "slug": ["…"], "permissions.0": ["…"], "_": ["…"] }`.

export type FieldErrors = Record<string, string[]>;

/** The part of a zod 4 `ZodError` (or any standard-schema failure) this needs. */
export type IssueList = { readonly issues: readonly { path: readonly PropertyKey[]; message: string }[] };

/**
 * THE zod-issue flattener of the platform: messages keyed by the full input path joined with
 * dots (`items.0.name`), `_` for the root. Like zod's `z.flattenError`, but nested paths keep
 * their full key (flattenError keeps only the first segment), so a form can place each message.
 */
export function flattenIssues(error: IssueList): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
