// Sign-in latency with vs without a webhook endpoint configured, against the production build
// (web :3000, admin :3001 and the worker of the E2E stack). Rounds alternate A (no endpoint) and
// B (an endpoint on acme for `user.signed_in` + a local receiver) so machine drift hits both
// alike. Prints a table: p50/p95/mean per case, the difference, and the round-to-round spread of
// the medians (the noise the difference is to be read against).
// Run: pnpm build, then `pnpm --filter @repo/webhooks bench:sign-in [rounds] [per-round]`.
// With nothing on :3000 it starts the E2E stack itself (sign-in limits raised) and stops it at
// the end; with a stack already running (started with high SIGNIN_RATE_LIMIT_* values) it uses it.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";

const ROUNDS = Number(process.argv[2] ?? 6);
const PER_ROUND = Number(process.argv[3] ?? 25);
const PASSWORD = "demo-password-1";

type Res = { status: number; cookies: string[]; body: string; location: string };

function call(
  port: number,
  host: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host, ...init.headers };
    if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
    const req = httpRequest({ host: "127.0.0.1", port, path, method: init.method ?? "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const sc = res.headers["set-cookie"] ?? [];
        resolve({
          status: res.statusCode ?? 0,
          cookies: sc.map((c) => c.split(";")[0]!),
          body: Buffer.concat(chunks).toString(),
          location: String(res.headers.location ?? ""),
        });
      });
    });
    req.on("error", reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** Auth.js credentials sign-in; returns the session cookies and the POST's duration (ms). */
async function signIn(port: number, host: string, email: string): Promise<{ ms: number; cookie: string }> {
  const csrf = await call(port, host, "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: "/" }).toString();
  const started = performance.now();
  const res = await call(port, host, "/api/auth/callback/credentials", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrf.cookies.join("; "),
      origin: `http://${host}`,
    },
    body: form,
  });
  const ms = performance.now() - started;
  const session = res.cookies.filter((c) => /session/.test(c));
  if (res.status !== 302 || session.length === 0)
    throw new Error(`sign-in failed for ${email}: ${res.status} ${res.location} ${res.body.slice(0, 200)}`);
  return { ms, cookie: session.join("; ") };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts the E2E stack (production build) and resolves once it printed "E2E stack ready". */
async function startStack(): Promise<ChildProcess> {
  const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
  const child = spawn("pnpm", ["exec", "tsx", "tooling/services/src/cli/e2e-stack.ts"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      SIGNIN_RATE_LIMIT_EMAIL: "1000000",
      SIGNIN_RATE_LIMIT_IP: "1000000",
      SIGNIN_RATE_LIMIT_WINDOW: "60",
    },
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the E2E stack was not ready within 240 s:\n${output.slice(-2000)}`)),
      240_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("E2E stack ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the E2E stack exited (${code}) before it was ready:\n${output.slice(-2000)}`));
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

async function stopStack(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
}

const stack = (await isListening(3000)) ? null : await startStack();
if (stack) console.log("started the E2E stack (production build) for this run");

async function main(): Promise<void> {
  let delivered = 0;
  const eventIds = new Set<string>();
  const receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      delivered++;
      eventIds.add(String(req.headers["webhook-id"]));
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  const operator = await signIn(3001, "localhost:3001", "ops@example.test");
  const adminHeaders = { cookie: operator.cookie, origin: "http://localhost:3001", "content-type": "application/json" };
  let webhookId: string | null = null;

  async function configure(withWebhook: boolean): Promise<void> {
    if (withWebhook && !webhookId) {
      const res = await call(3001, "localhost:3001", "/api/v1/tenants/acme/webhooks", {
        method: "POST",
        headers: adminHeaders,
        body: JSON.stringify({ url: receiverUrl, events: ["user.signed_in"] }),
      });
      if (res.status !== 201) throw new Error(`creating the webhook failed: ${res.status} ${res.body}`);
      webhookId = (JSON.parse(res.body) as { id: string }).id;
    }
    if (!withWebhook && webhookId) {
      await call(3001, "localhost:3001", `/api/v1/tenants/acme/webhooks/${webhookId}`, {
        method: "DELETE",
        headers: adminHeaders,
      });
      webhookId = null;
    }
  }

  const samples: Record<"without" | "with", number[]> = { without: [], with: [] };
  for (let i = 0; i < 5; i++) await signIn(3000, "acme.localhost:3000", "member@acme.test"); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of round % 2 === 0 ? (["without", "with"] as const) : (["with", "without"] as const)) {
      await configure(mode === "with");
      for (let i = 0; i < PER_ROUND; i++)
        samples[mode].push((await signIn(3000, "acme.localhost:3000", "member@acme.test")).ms);
    }
  }
  await configure(false);
  await new Promise((r) => setTimeout(r, 3_000));

  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  /** The medians of each round of `mode`: their spread is the run's noise. */
  function roundMedians(mode: "without" | "with"): number[] {
    const v = samples[mode];
    const medians: number[] = [];
    for (let i = 0; i < v.length; i += PER_ROUND) medians.push(percentile(v.slice(i, i + PER_ROUND), 50));
    return medians;
  }
  const rows = (["without", "with"] as const).map((mode) => {
    const v = samples[mode];
    const medians = roundMedians(mode);
    return {
      mode,
      n: v.length,
      p50: percentile(v, 50),
      p95: percentile(v, 95),
      mean: mean(v),
      spread: Math.max(...medians) - Math.min(...medians),
    };
  });
  const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];
  const fmt = (x: number) => x.toFixed(1).padStart(8);
  const pct = (d: number, base: number) => `${d >= 0 ? "+" : ""}${((100 * d) / base).toFixed(1)}%`;
  console.log("");
  console.log("sign-in (credentials POST, ms)   n      p50      p95     mean   round-median spread");
  for (const r of rows)
    console.log(
      `${`${r.mode} webhook`.padEnd(30)} ${String(r.n).padStart(4)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.mean)} ${fmt(r.spread)}`,
    );
  console.log(
    `${"difference (with - without)".padEnd(30)}      ${fmt(b.p50 - a.p50)} ${fmt(b.p95 - a.p95)} ${fmt(b.mean - a.mean)}`,
  );
  console.log(
    `${"".padEnd(30)}        ${pct(b.p50 - a.p50, a.p50).padStart(7)}  ${pct(b.p95 - a.p95, a.p95).padStart(7)}  ${pct(b.mean - a.mean, a.mean).padStart(7)}`,
  );
  const noise = Math.max(a.spread, b.spread);
  console.log(
    `p50 difference ${(b.p50 - a.p50).toFixed(1)} ms vs noise (largest spread of per-round medians) ${noise.toFixed(1)} ms: ${
      Math.abs(b.p50 - a.p50) <= noise ? "within noise" : "OUTSIDE noise"
    }`,
  );
  // Rounds are adjacent pairs (one of each mode), so the paired difference of their medians
  // cancels most of the machine's drift.
  const pairs = roundMedians("with").map((m, i) => m - roundMedians("without")[i]!);
  console.log(
    `per-round paired difference of medians (with - without): median ${percentile(pairs, 50).toFixed(1)} ms, range ${Math.min(...pairs).toFixed(1)} … ${Math.max(...pairs).toFixed(1)} ms`,
  );
  console.log(
    `deliveries received while configured: ${delivered} requests, ${eventIds.size} distinct webhook-ids (${samples.with.length} sign-ins with the endpoint)`,
  );
  receiver.close();
}

try {
  await main();
} finally {
  if (stack) await stopStack(stack);
}
