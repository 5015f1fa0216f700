// Brings a database up to date for running the apps: migrations (every time; idempotent) and
// the demo seed (`pnpm db:seed` contract). Each step is skipped with a clear line while the
// owning workspace does not define its script yet, so the orchestrators work during bring-up.
import { join } from "node:path";
import { readWorkspaceScripts } from "./read-workspace-scripts";
import { runCommand } from "./run-command";

export interface PrepareDatabaseOptions {
  repoRoot: string;
  env: NodeJS.ProcessEnv;
  isSeedWanted: boolean;
  log: (line: string) => void;
}

export type PrepareDatabaseResult =
  | { isOk: true; hasSeeded: boolean }
  | { isOk: false; failedStep: "migrate" | "seed"; failure: string };

const steps = [
  { name: "migrate", workspace: "packages/tenancy", pkg: "@repo/tenancy", script: "db:migrate" },
  { name: "seed", workspace: "apps/admin", pkg: "@repo/admin", script: "db:seed" },
] as const;

export async function prepareDatabase(options: PrepareDatabaseOptions): Promise<PrepareDatabaseResult> {
  const { repoRoot, env, isSeedWanted, log } = options;
  let hasSeeded = false;
  for (const step of steps) {
    if (step.name === "seed" && !isSeedWanted) continue;
    if (!readWorkspaceScripts(join(repoRoot, step.workspace))[step.script]) {
      log(`skip ${step.name}: ${step.pkg} has no "${step.script}" script yet`);
      continue;
    }
    log(`${step.name}: pnpm --filter ${step.pkg} ${step.script}`);
    const code = await runCommand("pnpm", ["--filter", step.pkg, step.script], { env, cwd: repoRoot });
    if (code !== 0) return { isOk: false, failedStep: step.name, failure: `${step.pkg} ${step.script} (exit ${code})` };
    if (step.name === "seed") hasSeeded = true;
  }
  return { isOk: true, hasSeeded };
}
