// `pnpm test:fast`: the quick loop before a commit — lint, typecheck and the pure unit tests
// (`*.test.ts`, never `*.integration.test.ts`) with no services started. `pnpm test` runs
// everything. Same closing line as `pnpm test`.
import { join } from "node:path";
import { countVitestReport } from "../count-test-report";
import { findRepoRoot } from "../find-repo-root";
import { asCheck, createStepRunner, parseTestArgsOrExit } from "../test-steps";

const USAGE = `usage: pnpm test:fast

lint, typecheck (turbo-cached) and every workspace's pure unit tests (*.test.ts) without
Postgres, Redis, builds or browsers. \`pnpm test --help\` lists the full gate.`;

parseTestArgsOrExit(process.argv.slice(2), USAGE);

const repoRoot = findRepoRoot();
const report = join(repoRoot, ".reports", "vitest-fast.json");
const { pnpm, runStep, finish } = createStepRunner(repoRoot);

await runStep("lint", "turbo run lint", async () => asCheck(await pnpm(["turbo", "run", "lint", "--continue"])));
await runStep("typecheck", "turbo run typecheck", async () =>
  asCheck(await pnpm(["turbo", "run", "typecheck", "--continue"])),
);
await runStep("unit", "vitest, *.test.ts only, no services", async () => {
  const exitCode = await pnpm([
    "exec",
    "vitest",
    "run",
    "--config",
    "vitest.fast.config.ts",
    "--exclude",
    "**/*.integration.test.ts",
    "--exclude",
    "**/node_modules/**",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ]);
  return countVitestReport(report, exitCode);
});
process.exit(finish());
