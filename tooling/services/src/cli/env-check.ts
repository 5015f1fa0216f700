// `pnpm env:check [--production]`: validates every workspace's environment (shell, then the
// root .env.local/.env) and prints every problem at once; exit 1 when there is any.
// `--production` (or NODE_ENV=production) also requires what a production process needs;
// otherwise unset service URLs count as the local services `pnpm dev` provides.
import { checkWorkspaceEnv } from "../check-workspace-env";
import { DEV_POSTGRES_PORT } from "../ensure-postgres";
import { DEFAULT_REDIS_PORT } from "../ensure-redis";
import { DEV_UPSTASH_PORT, DEV_UPSTASH_TOKEN } from "../ensure-upstash";
import { buildPostgresUrl } from "../start-embedded-postgres";
import { findRepoRoot } from "../find-repo-root";
import { loadRootEnvFiles } from "../load-env-files";

const args = process.argv.slice(2);
if (args.some((arg) => arg !== "--production")) {
  console.error("usage: pnpm env:check [--production]");
  process.exit(2);
}
const repoRoot = findRepoRoot();
loadRootEnvFiles(repoRoot);
const isProduction = args.includes("--production") || process.env.NODE_ENV === "production";
if (!isProduction) {
  // What `pnpm dev` provides when these are unset (its local services), so only real problems show.
  const devServices = {
    DATABASE_URL: buildPostgresUrl(DEV_POSTGRES_PORT),
    REDIS_URL: `redis://127.0.0.1:${DEFAULT_REDIS_PORT}`,
    UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${DEV_UPSTASH_PORT}`,
    UPSTASH_REDIS_REST_TOKEN: DEV_UPSTASH_TOKEN,
  };
  for (const [name, value] of Object.entries(devServices)) process.env[name] ??= value;
}
const problems = await checkWorkspaceEnv(repoRoot, { isProduction });
for (const { workspace, message } of problems) console.error(`✗ ${workspace}: ${message}`);
console.error(
  problems.length === 0
    ? `env ok (${isProduction ? "production" : "development"} rules)`
    : `${problems.length} problem(s); every variable is described in .env.example`,
);
process.exit(problems.length === 0 ? 0 : 1);
