// End-to-end tests for both apps, driving Debian's Chromium (no browser download here).
// `webServer` runs the E2E stack launcher (tooling/services/src/cli/e2e-stack.ts): real
// Postgres + Redis + Upstash-REST bridge, migrations, seed, then `next start` for web
// (:3000) and admin (:3001). It needs a prior `pnpm build`: run `pnpm build && pnpm test:e2e`.
import { defineConfig, devices } from "@playwright/test";

const isCI = Boolean(process.env.CI);

// E2E-only settings, set here once so the launcher (and the servers it starts) and the
// specs agree. The per-email sign-in limit is low so the rate-limit scenario is quick; the
// per-IP limit is high because every E2E request comes from 127.0.0.1.
process.env.SIGNIN_RATE_LIMIT_EMAIL ??= "5";
process.env.SIGNIN_RATE_LIMIT_IP ??= "1000";
process.env.SIGNIN_RATE_LIMIT_WINDOW ??= "60"; // seconds (@repo/auth parses an integer)

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
};

export default defineConfig({
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // Two shared cores and two Next servers: keep the browser count low.
  workers: isCI ? 1 : 2,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: isCI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    ...chromium,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "web", testDir: "./apps/web/e2e", use: { ...chromium } },
    { name: "admin", testDir: "./apps/admin/e2e", use: { ...chromium } },
  ],
  webServer: {
    command: "pnpm exec tsx tooling/services/src/cli/e2e-stack.ts",
    // The launcher prints this line once migrations, seed and both servers are up.
    wait: { stdout: /E2E stack ready/ },
    port: 3000,
    // Never test whatever else happens to listen on :3000 (a dev server, another checkout):
    // Playwright fails when the port is taken, and the launcher checks :3001 the same way.
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
