// Reads the JSON reports written by vitest (`--reporter=json`) and Playwright (json reporter)
// into real pass/fail/skip counts for `pnpm test`'s closing line. A run that failed without a
// failing test (a file that cannot import, a crashed web server) still counts as a failure.
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";

export interface CheckCounts {
  passed: number;
  failed: number;
  skipped: number;
  notes: string[];
}

const vitestReportSchema = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number().default(0),
  numTodoTests: z.number().default(0),
  testResults: z
    .array(
      z.object({
        name: z.string(),
        status: z.string(),
        message: z.string().optional(),
        assertionResults: z.array(z.object({ status: z.string() })).default([]),
      }),
    )
    .default([]),
});

const playwrightReportSchema = z.object({
  stats: z.object({
    expected: z.number(),
    unexpected: z.number(),
    flaky: z.number().default(0),
    skipped: z.number().default(0),
  }),
  errors: z.array(z.object({ message: z.string().optional() })).default([]),
});

export function countVitestReport(path: string, exitCode: number): CheckCounts {
  const report = readReport(path, vitestReportSchema);
  if (!report) return missingReport(path, exitCode);
  const brokenFiles = report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  );
  const counts: CheckCounts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles.length,
    skipped: report.numPendingTests + report.numTodoTests,
    notes: brokenFiles.map((file) => `test file failed to run: ${file.name}`),
  };
  return withExitCode(counts, exitCode, "vitest");
}

export function countPlaywrightReport(path: string, exitCode: number): CheckCounts {
  const report = readReport(path, playwrightReportSchema);
  if (!report) return missingReport(path, exitCode);
  const counts: CheckCounts = {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + (report.stats.unexpected === 0 && report.errors.length > 0 ? 1 : 0),
    skipped: report.stats.skipped,
    notes: report.errors.map((error) => `playwright error: ${(error.message ?? "").split("\n")[0]}`),
  };
  return withExitCode(counts, exitCode, "playwright");
}

function readReport<T>(path: string, schema: z.ZodType<T>): T | null {
  if (!existsSync(path)) return null;
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  return parsed.success ? parsed.data : null;
}

function missingReport(path: string, exitCode: number): CheckCounts {
  return { passed: 0, failed: 1, skipped: 0, notes: [`no readable report at ${path} (exit ${exitCode})`] };
}

function withExitCode(counts: CheckCounts, exitCode: number, tool: string): CheckCounts {
  if (exitCode === 0 || counts.failed > 0) return counts;
  return {
    ...counts,
    failed: 1,
    notes: [...counts.notes, `${tool} exited ${exitCode} without a failing test (see output above)`],
  };
}
