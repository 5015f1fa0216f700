// Validates every workspace's environment in one pass and returns every problem (not just the
// first): each workspace's own `src/env.ts` loader (`load…Env`/`getEnv`) is called as the app
// would call it, plus the variables a production process cannot do without. Node tooling only.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export type EnvProblem = { workspace: string; message: string };

/**
 * What a production process needs that the workspace schemas leave optional because dev and
 * tests provide it (embedded Postgres, the local bridge, generated dev keys).
 */
const PRODUCTION_REQUIRED = [
  { name: "DATABASE_URL", why: "the control-plane Postgres (privileged URL: migrations and provisioning)" },
  { name: "UPSTASH_REDIS_REST_URL", why: "the Upstash-REST endpoint for revocations and rate limits" },
  { name: "UPSTASH_REDIS_REST_TOKEN", why: "that endpoint's bearer token" },
  { name: "AUTH_SIGNING_KEYS", why: "the private signing key set (`pnpm auth:keys generate`)" },
  { name: "ROOT_DOMAIN", why: "tenants live at <slug>.<ROOT_DOMAIN>" },
] as const;

const WORKSPACE_GROUPS = ["apps", "packages", "tooling"] as const;
const ENV_LOADER_NAME = /^(load\w*Env|getEnv)$/;

/** Every `<group>/<name>/src/env.ts` in the repo, with its package folder name. */
export function findWorkspaceEnvFiles(repoRoot: string): { workspace: string; file: string }[] {
  return WORKSPACE_GROUPS.flatMap((group) => {
    const dir = join(repoRoot, group);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((name) => ({ workspace: `${group}/${name}`, file: join(dir, name, "src", "env.ts") }))
      .filter(({ file }) => existsSync(file));
  });
}

export async function checkWorkspaceEnv(
  repoRoot: string,
  options: { isProduction: boolean; env?: NodeJS.ProcessEnv },
): Promise<EnvProblem[]> {
  const env = options.env ?? process.env;
  const problems: EnvProblem[] = [];
  if (options.isProduction) {
    for (const { name, why } of PRODUCTION_REQUIRED) {
      if (!env[name]) problems.push({ workspace: "production", message: `${name} is not set: ${why}` });
    }
  }
  // The loaders print their own one-line summary on failure; keep the output to ours.
  const originalError = console.error;
  console.error = () => {};
  try {
    for (const { workspace, file } of findWorkspaceEnvFiles(repoRoot)) {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const loaders = Object.entries(module).filter(
        ([name, value]) => ENV_LOADER_NAME.test(name) && typeof value === "function",
      );
      for (const [, load] of loaders) {
        try {
          (load as () => unknown)();
        } catch (error) {
          problems.push({ workspace, message: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  } finally {
    console.error = originalError;
  }
  return problems;
}
