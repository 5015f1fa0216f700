// One line per bad environment: every refused variable with the value received (secrets
// redacted) and the expected form. Shared by the apps' and tenancy's env.ts. Edge-safe.

type EnvIssue = { readonly path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; readonly message: string };

const SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEYS?$|_URL$/;

function issueName(issue: EnvIssue): string {
  return issue.path?.map((p) => String(typeof p === "object" ? p.key : p)).join(".") || "?";
}

function shownValue(name: string, value: string | undefined): string {
  if (value === undefined || value === "") return "unset";
  if (SECRET_NAME.test(name) && !name.endsWith("ORIGIN")) return `(${value.length} characters, not shown)`;
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** `NAME="value" (message); OTHER=unset (message)` — one line, no stack. Messages say the expected form. */
export function describeEnvIssues(
  issues: readonly EnvIssue[],
  env: Readonly<Record<string, string | undefined>>,
): string {
  const byName = new Map<string, string>();
  for (const issue of issues) {
    const name = issueName(issue);
    if (!byName.has(name)) byName.set(name, `${name}=${shownValue(name, env[name])} (${issue.message})`);
  }
  return [...byName.values()].join("; ");
}
