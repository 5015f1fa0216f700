// Error codes are lower snake case end to end (`slug_taken`, `token_expired`): a repo-wide scan of
// the source of every workspace for the places a code is written — `code: "…"`, `code = "…"`,
// the first argument of a coded error class or of `apiErrorResponse`, and code lists/unions —
// so an `ERR_SOMETHING` or `somethingFailed` code fails here instead of reaching a client.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const LOWER_SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/**
 * Codes we compare against but do not own: Node/socket errors (`ECONNREFUSED`), SQLSTATEs
 * (`23505`, `57P01`), jose's and Node's own (`ERR_JWT_EXPIRED`, `ERR_PARSE_ARGS_…`), postgres.js's.
 */
const FOREIGN_CODE =
  /^(E[A-Z]+(?:_[A-Z]+)*|ERR_(JOSE|JWT|JWS|JWK|JWE|PARSE_ARGS)[A-Z_]*|[0-9A-Z]{5}|CONNECT_TIMEOUT|CONNECTION_[A-Z]+)$/;

/** Classes whose first constructor argument is a code. */
const CODED_CALLS =
  /\b(?:new (?:ApiError|TenancyError|IdentityError|WebhookError|RequestInputError|AuthRequestError|KeyRotationError|ServicesError|InvalidSlugError)|apiErrorResponse|jsonError)\(\s*"([^"]+)"/g;
/** `code: "x"`, `code = "x"` (not JSX's `code="403"`), `code === "x"`. */
const CODE_ASSIGNMENTS = /\bcode(?:\s*:\s*| = |\s*[!=]==\s*)"([^"$]+)"/g;
/** `*_ERROR_CODES = [ "a", "b" ] as const` and `type XxxErrorCode = | "a" | "b"`. */
const CODE_LISTS = /(?:_ERROR_CODES\s*=\s*\[([^\]]*)\]|ErrorCode\s*=\s*((?:\s*\|?\s*"[^"]*")+))/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "dist") return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const workspaces = ["apps", "packages", "tooling"].flatMap((group) =>
  readdirSync(join(repoRoot, group)).map((name) => join(repoRoot, group, name)),
);
const files = workspaces.flatMap((workspace) =>
  ["src", "scripts", "app"].flatMap((folder) => {
    try {
      return sourceFiles(join(workspace, folder));
    } catch {
      return [];
    }
  }),
);

/** Every code written in `text`, with the pattern that found it. */
export function findCodes(text: string): string[] {
  const codes: string[] = [];
  for (const match of text.matchAll(CODED_CALLS)) codes.push(match[1]!);
  for (const match of text.matchAll(CODE_ASSIGNMENTS)) codes.push(match[1]!);
  for (const match of text.matchAll(CODE_LISTS)) {
    for (const literal of (match[1] ?? match[2] ?? "").matchAll(/"([^"]*)"/g)) codes.push(literal[1]!);
  }
  return codes;
}

describe("error codes", () => {
  it("scans the source of every workspace", () => {
    expect(files.length).toBeGreaterThan(100);
    const all = files.flatMap((file) => findCodes(readFileSync(file, "utf8")));
    expect(all).toEqual(expect.arrayContaining(["slug_taken", "token_expired", "invalid_request", "last_owner"]));
  });

  it("are lower snake case everywhere (foreign codes we only compare against excepted)", () => {
    const offenders = files.flatMap((file) =>
      findCodes(readFileSync(file, "utf8"))
        .filter((code) => !LOWER_SNAKE_CASE.test(code) && !FOREIGN_CODE.test(code))
        .map((code) => `${relative(repoRoot, file)}: ${code}`),
    );
    expect(offenders).toEqual([]);
  });

  it.each([
    ['throw new ApiError("NOT_FOUND", "x")', ["NOT_FOUND"]],
    ['<ErrorPage code="403" />', []],
    ['readonly code = "ERR_AUTH_CONFIG";', ["ERR_AUTH_CONFIG"]],
    ['return { ok: false, code: "tokenExpired" };', ["tokenExpired"]],
    ['export const X_ERROR_CODES = ["fine_code", "BadCode"] as const;', ["fine_code", "BadCode"]],
    ['export type FooErrorCode =\n  | "ok_code"\n  | "Not-OK";', ["ok_code", "Not-OK"]],
  ])("finds the codes in %j", (text, codes) => {
    expect(findCodes(text)).toEqual(codes);
  });
});
