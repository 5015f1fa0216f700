// The step runner behind `pnpm test` and `pnpm test:fast`: runs named steps in order, keeps
// going after a failure so the summary is complete, and ends with the plain closing line
// `N passed, N failed[, N skipped]` (real counts) and exit code 1 on any failure.
import { type CheckCounts } from "./count-test-report";
import { runCommand } from "./run-command";

interface StepResult extends CheckCounts {
  name: string;
  ms: number;
}

export const counts = (passed: number, failed: number, notes: string[] = []): CheckCounts => ({
  passed,
  failed,
  skipped: 0,
  notes,
});

/** A tool-level check (lint, typecheck, build): one check, pass or fail. */
export const asCheck = (exitCode: number): CheckCounts =>
  exitCode === 0 ? counts(1, 0) : counts(0, 1, [`exit ${exitCode}`]);

export function createStepRunner(repoRoot: string) {
  const results: StepResult[] = [];
  const pnpm = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    runCommand("pnpm", args, { env, cwd: repoRoot });

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
    console.log(
      `━━━ ${name}: ${result.failed > 0 ? "FAILED" : "ok"} (${formatCounts(result)}) in ${(ms / 1000).toFixed(1)} s`,
    );
    for (const note of result.notes) console.log(`    ${note}`);
  }

  /** Prints the summary table and the closing line; returns the exit code. */
  function finish(): number {
    const total = results.reduce(
      (sum, r) => ({
        passed: sum.passed + r.passed,
        failed: sum.failed + r.failed,
        skipped: sum.skipped + r.skipped,
        notes: [],
      }),
      counts(0, 0),
    );
    console.log("\nSummary");
    for (const r of results) {
      const verdict = r.failed > 0 ? "FAIL" : "ok  ";
      console.log(
        `  ${r.name.padEnd(12)} ${verdict}  ${formatCounts(r).padEnd(34)} ${(r.ms / 1000).toFixed(1).padStart(6)} s`,
      );
    }
    console.log(formatCounts(total));
    return total.failed > 0 ? 1 : 0;
  }

  return { pnpm, runStep, finish };
}

function formatCounts({ passed, failed, skipped }: CheckCounts): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

/** Accepts only `--help`/`-h`; anything else is a usage error (exit 2) instead of a full run. */
export function parseTestArgsOrExit(argv: string[], usage: string): void {
  if (argv.length === 0) return;
  if (argv.length === 1 && (argv[0] === "--help" || argv[0] === "-h")) {
    console.log(usage);
    process.exit(0);
  }
  console.error(`unknown argument: ${argv.join(" ")}\n\n${usage}`);
  process.exit(2);
}
