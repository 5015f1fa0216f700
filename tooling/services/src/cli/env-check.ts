// `pnpm env:check [--production]`: validates every workspace's environment (shell, then the
// root .env.local/.env) and prints every problem at once; exit 1 when there is any.
// `--production` (or NODE_ENV=production) also requires what a production process needs.
import { checkWorkspaceEnv } from "../check-workspace-env";
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
const problems = await checkWorkspaceEnv(repoRoot, { isProduction });
for (const { workspace, message } of problems) console.error(`✗ ${workspace}: ${message}`);
console.error(problems.length === 0 ? `env ok (${isProduction ? "production" : "development"} rules)` : `${problems.length} problem(s); every variable is described in .env.example`);
process.exit(problems.length === 0 ? 0 : 1);
