// Sign-in latency with vs without a webhook endpoint configured, against a RUNNING stack
// (web :3000, admin :3001, the worker — e.g. the E2E stack). Rounds alternate A (no endpoint)
// and B (endpoint on acme + a local receiver) so machine drift hits both alike. Prints p50/p95.
// Run: SIGNIN_RATE_LIMIT_EMAIL=1000000 SIGNIN_RATE_LIMIT_IP=1000000 pnpm exec tsx tooling/services/src/cli/e2e-stack.ts
//      then: pnpm --filter @repo/webhooks bench:sign-in  [rounds] [per-round]
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

const ROUNDS = Number(process.argv[2] ?? 6);
const PER_ROUND = Number(process.argv[3] ?? 25);
const PASSWORD = "demo-password-1";

type Res = { status: number; cookies: string[]; body: string };

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
    throw new Error(`sign-in failed for ${email}: ${res.status} ${res.body.slice(0, 200)}`);
  return { ms, cookie: session.join("; ") };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

let delivered = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    delivered++;
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
for (const mode of ["without", "with"] as const) {
  const v = samples[mode];
  console.log(
    `sign-in ${mode.padEnd(7)} webhook: n=${v.length} p50=${percentile(v, 50).toFixed(1)} ms p95=${percentile(v, 95).toFixed(1)} ms mean=${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(1)} ms`,
  );
}
console.log(
  `deliveries received while configured: ${delivered} (of ${samples.with.length} sign-ins with the endpoint)`,
);
receiver.close();
