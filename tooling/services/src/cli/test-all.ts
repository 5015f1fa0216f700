// `pnpm test` (and CI): format check → lint → typecheck → test services → drizzle-kit check →
// vitest (all projects) → build web + admin → Playwright E2E. Keeps going after a failure so
// the summary is complete; the LAST line is always `N passed, N failed[, N skipped]` with real
// counts, and the exit code is 1 on any failure.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildDevEnv } from "../build-dev-env";
import { countPlaywrightReport, countVitestReport } from "../count-test-report";
import { findRepoRoot } from "../find-repo-root";
import { ServicesError } from "../services-error";
import { type RunningServices, startServices } from "../start-services";
import { asCheck, counts, createStepRunner, parseTestArgsOrExit } from "../test-steps";

const USAGE = `usage: pnpm test

The whole gate, what CI runs (takes minutes; needs the ports 3000 and 3001 free for E2E):
  format:check  Biome formatting of the whole tree
  lint          ESLint in every workspace (turbo)
  typecheck     tsc in every workspace (turbo)
  services      throwaway Postgres x2, Redis, Upstash-REST bridge
  db:check      drizzle-kit migration history check
  vitest        unit + integration tests of every workspace
  build         next build of web and admin
  e2e           Playwright against the production builds

Faster loops:
  pnpm test:fast                              lint, typecheck, pure unit tests (no services)
  pnpm vitest run --project @repo/admin       one workspace's tests
  pnpm vitest run path/to/file.test.ts        one file
  pnpm exec playwright test apps/web/e2e/x.spec.ts   one E2E spec (after pnpm build)`;

parseTestArgsOrExit(process.argv.slice(2), USAGE);

const repoRoot = findRepoRoot();
const reportsDir = join(repoRoot, ".reports");
const vitestReport = join(reportsDir, "vitest.json");
const playwrightReport = join(reportsDir, "playwright.json");
mkdirSync(reportsDir, { recursive: true });
rmSync(vitestReport, { force: true });
rmSync(playwrightReport, { force: true });

const { pnpm, runStep, finish } = createStepRunner(repoRoot);

await runStep("format:check", "biome format (no writes)", async () => asCheck(await pnpm(["format:check"])));
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

await runStep("db:check", "drizzle-kit check (migration history consistency)", async () =>
  asCheck(await pnpm(["db:check"], env)),
);

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
process.exit(finish());
