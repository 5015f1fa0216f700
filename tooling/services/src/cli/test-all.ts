// `pnpm test` (and CI): lint → typecheck → test services → drizzle-kit check → vitest (all
// projects) → build web + admin → Playwright E2E (when a root playwright.config.ts exists).
// Keeps going after a failure so the summary is complete; the LAST line is always
// `N passed, N failed[, N skipped]` with real counts, and the exit code is 1 on any failure.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildDevEnv } from "../build-dev-env";
import { type CheckCounts, countPlaywrightReport, countVitestReport } from "../count-test-report";
import { findRepoRoot } from "../find-repo-root";
import { runCommand } from "../run-command";
import { ServicesError } from "../services-error";
import { type RunningServices, startServices } from "../start-services";

interface StepResult extends CheckCounts {
  name: string;
  ms: number;
}

const repoRoot = findRepoRoot();
const reportsDir = join(repoRoot, ".reports");
const vitestReport = join(reportsDir, "vitest.json");
const playwrightReport = join(reportsDir, "playwright.json");
mkdirSync(reportsDir, { recursive: true });
rmSync(vitestReport, { force: true });
rmSync(playwrightReport, { force: true });

const results: StepResult[] = [];
const counts = (passed: number, failed: number, notes: string[] = []): CheckCounts => ({ passed, failed, skipped: 0, notes });
/** A tool-level check (lint, typecheck, build): one check, pass or fail. */
const asCheck = (exitCode: number): CheckCounts => (exitCode === 0 ? counts(1, 0) : counts(0, 1, [`exit ${exitCode}`]));
const pnpm = (args: string[], env: NodeJS.ProcessEnv = process.env) => runCommand("pnpm", args, { env, cwd: repoRoot });

async function runStep(name: string, description: string, run: () => Promise<CheckCounts>): Promise<void> {
  console.log(`\n━━━ ${name} ━━━ ${description}`);
  const startedAt = Date.now();
  let result: CheckCounts;
  try {
    result = await run();
  } catch (error) {
    result = counts(0, 1, [error instanceof Error ? error.message : String(error)]);
  }
  const ms = Date.now() - startedAt;
  results.push({ name, ms, ...result });
  const verdict = result.failed > 0 ? "FAILED" : "ok";
  console.log(`━━━ ${name}: ${verdict} (${formatCounts(result)}) in ${(ms / 1000).toFixed(1)} s`);
  for (const note of result.notes) console.log(`    ${note}`);
}

function formatCounts({ passed, failed, skipped }: CheckCounts): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

await runStep("lint", "turbo run lint", async () => asCheck(await pnpm(["turbo", "run", "lint", "--continue"])));
await runStep("typecheck", "turbo run typecheck", async () =>
  asCheck(await pnpm(["turbo", "run", "typecheck", "--continue"])),
);

// One set of throwaway services for every later step; vitest's global setup reuses them.
let services: RunningServices | null = null;
await runStep("services", "Postgres ×2, Redis, Upstash-REST bridge", async () => {
  try {
    services = await startServices("test");
  } catch (error) {
    if (error instanceof ServicesError) return counts(0, 1, [error.message]);
    throw error;
  }
  return counts(0, 0, services.started.length > 0 ? [`started ${services.started.join(", ")}`] : ["all reused"]);
});
const env = services ? buildDevEnv((services as RunningServices).env) : process.env;

await runStep("db:check", "drizzle-kit check (migration history consistency)", async () => asCheck(await pnpm(["db:check"], env)));

await runStep("vitest", "unit + integration tests, all projects", async () => {
  const exitCode = await pnpm(
    ["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
    env,
  );
  return countVitestReport(vitestReport, exitCode);
});

await runStep("build", "turbo run build (web, admin)", async () =>
  asCheck(await pnpm(["turbo", "run", "build", "--filter", "@repo/web", "--filter", "@repo/admin"], env)),
);

// The config's webServer (cli/e2e-stack.ts) migrates, seeds and starts both apps; it reuses
// the services above through the env.
await runStep("e2e", "Playwright (web + admin)", async () => {
  const exitCode = await pnpm(["test:e2e", "--reporter=list,json"], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport,
  });
  return countPlaywrightReport(playwrightReport, exitCode);
});

await (services as RunningServices | null)?.stop();

const total = results.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped, notes: [] }), counts(0, 0));
console.log("\nSummary");
for (const r of results) console.log(`  ${r.name.padEnd(10)} ${r.failed > 0 ? "FAIL" : "ok  "}  ${formatCounts(r).padEnd(34)} ${(r.ms / 1000).toFixed(1).padStart(6)} s`);
console.log(formatCounts(total));
process.exit(total.failed > 0 ? 1 : 0);
