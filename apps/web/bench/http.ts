// `pnpm bench:http` — the tenant app's production build under HTTP load, plus revocation
// propagation across two running instances. Needs `pnpm build` first. It starts the E2E stack
// (services, migrations, seed, web :3000, admin :3001) and a second web instance (:3002), all
// talking to Redis through a counting proxy in front of the Upstash-REST bridge, then prints:
// 1. signed-in GET /api/me vs public GET /.well-known/jwks.json on acme, alternated (autocannon);
// 2. Redis commands per signed-in request (request-path commands; background log pulls apart);
// 3. time from POST /api/v1/revocations to the first 401 on each instance (max of 20 trials).
// Exits non-zero when propagation exceeds 1 s or the request path used Redis more than 0.01/request.
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, mkdirSync } from "node:fs";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, request as httpRequest } from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { startServices } from "@repo/services";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const webDir = fileURLToPath(new URL("..", import.meta.url));
const HOST = "acme.localhost:3000";
const PORTS = { web: 3000, admin: 3001, web2: 3002 };
const children: ChildProcess[] = [];
/** The servers' output (read it when something doesn't start). */
const serverLog = `${repoRoot}.reports/bench-http-servers.log`;

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function call(
  port: number,
  path: string,
  init: { method?: string; host?: string; cookie?: string; form?: Record<string, string>; json?: unknown } = {},
): Promise<Reply> {
  const host = init.host ?? HOST;
  const headers: Record<string, string> = { host, accept: "application/json" };
  if (init.cookie) headers.cookie = init.cookie;
  let body: string | undefined;
  if (init.form) {
    body = new URLSearchParams(init.form).toString();
    headers["content-type"] = "application/x-www-form-urlencoded";
  } else if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["content-type"] = "application/json";
  }
  if (init.method && init.method !== "GET") headers.origin = `http://${host}`;
  if (body) headers["content-length"] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: init.method ?? "GET", headers }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const cookiesOf = (r: Reply) => ((r.headers["set-cookie"] as string[] | undefined) ?? []).map((c) => c.split(";")[0]!);

async function signIn(port: number, host: string, email: string, cookieName: RegExp): Promise<string> {
  const csrf = await call(port, "/api/auth/csrf", { host });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await call(port, "/api/auth/callback/credentials", {
    method: "POST",
    host,
    cookie: cookiesOf(csrf).join("; "),
    form: { csrfToken, email, password: "demo-password-1", callbackUrl: "/" },
  });
  const session = cookiesOf(res).find((c) => cookieName.test(c.split("=")[0]!));
  if (!session) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return session;
}

/** A reverse proxy in front of the Upstash-REST bridge that counts Redis commands by name. */
async function startCountingProxy(target: string) {
  const counts = new Map<string, number>();
  const url = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      try {
        const parsed = JSON.parse(body.toString()) as unknown[];
        const commands = req.url === "/" ? [parsed] : (parsed as unknown[][]);
        for (const c of commands) {
          const name = String((c as unknown[])[0]).toLowerCase();
          counts.set(name, (counts.get(name) ?? 0) + 1);
        }
      } catch {
        // not a command body: forwarded as is
      }
      const upstream = httpRequest(
        { host: url.hostname, port: url.port, path: req.url, method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on("error", () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, counts, close: () => server.close() };
}

function spawnLogged(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  ready?: RegExp,
): Promise<void> {
  const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.push(child);
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      appendFileSync(serverLog, `[${name}] ${chunk.toString()}`);
      if (ready?.test(chunk.toString())) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => appendFileSync(serverLog, `[${name}] ${c.toString()}`));
    child.on("exit", (code) => reject(new Error(`${name} exited (${code}); see ${serverLog}`)));
    if (!ready) resolve();
  });
}

async function waitForHttp(port: number): Promise<void> {
  for (let i = 0; i < 400; i++) {
    try {
      await call(port, "/.well-known/jwks.json");
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`nothing answers on :${port}`);
}

type Run = { rps: number; p50: number; p99: number; non2xx: number };
async function load(path: string, cookie: string | undefined, amount: number): Promise<Run> {
  const result = await autocannon({
    url: `http://127.0.0.1:${PORTS.web}${path}`,
    connections: 16,
    amount,
    headers: { host: HOST, ...(cookie ? { cookie } : {}) },
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  mkdirSync(`${repoRoot}.reports`, { recursive: true });
  const services = await startServices("test");
  const proxy = await startCountingProxy(services.env.UPSTASH_REDIS_REST_URL);
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = {
    ...privateKey.export({ format: "jwk" }),
    kid: `bench-${randomBytes(4).toString("hex")}`,
    alg: "ES256",
    use: "sig",
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...services.env,
    UPSTASH_REDIS_REST_URL: proxy.url,
    AUTH_SIGNING_KEYS: JSON.stringify({ keys: [jwk] }),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SIGNIN_RATE_LIMIT_EMAIL: "10000",
    SIGNIN_RATE_LIMIT_IP: "10000",
  };
  console.log("starting the E2E stack (web :3000, admin :3001) and a second web instance (:3002) …");
  await spawnLogged(
    "stack",
    "pnpm",
    ["exec", "tsx", "tooling/services/src/cli/e2e-stack.ts"],
    env,
    repoRoot,
    /E2E stack ready/,
  );
  const nextBin = createRequire(`${webDir}/package.json`).resolve("next/dist/bin/next");
  const stackEnv = {
    ...env,
    NODE_ENV: "production",
    ROOT_DOMAIN: "localhost:3000",
    AUTH_TRUST_HOST: "true",
    AUTH_COOKIE_SECURE: "false",
    PORT: String(PORTS.web2),
  };
  void spawnLogged(
    "web2",
    process.execPath,
    [nextBin, "start", "--port", String(PORTS.web2), "--hostname", "localhost"],
    stackEnv,
    webDir,
  ).catch(() => {});
  await waitForHttp(PORTS.web2);

  const cookie = await signIn(PORTS.web, HOST, "member@acme.test", /repo\.session$/);
  for (const port of [PORTS.web, PORTS.web2]) {
    const me = await call(port, "/api/me", { cookie });
    if (me.status !== 200) throw new Error(`GET /api/me on :${port} -> ${me.status}`);
  }

  // 1 + 2. Alternated load on :3000.
  await load("/api/me", cookie, 300); // warm-up (JIT, pools)
  await load("/.well-known/jwks.json", undefined, 300);
  const me: Run[] = [];
  const jwks: Run[] = [];
  let requestPathCommands = 0;
  let pulls = 0;
  const ROUNDS = 4;
  const PER_ROUND = 500;
  for (let r = 0; r < ROUNDS; r++) {
    const before = new Map(proxy.counts);
    me.push(await load("/api/me", cookie, PER_ROUND));
    for (const [name, n] of proxy.counts) {
      const delta = n - (before.get(name) ?? 0);
      if (name === "xrange") pulls += delta;
      else requestPathCommands += delta;
    }
    jwks.push(await load("/.well-known/jwks.json", undefined, PER_ROUND));
  }
  const signedIn = ROUNDS * PER_ROUND;
  const row = (name: string, runs: Run[]) => ({
    name,
    rps: runs.reduce((a, x) => a + x.rps, 0) / runs.length,
    p50: median(runs.map((x) => x.p50)),
    p99: median(runs.map((x) => x.p99)),
    errors: runs.reduce((a, x) => a + x.non2xx, 0),
  });
  const rows = [row("signed-in GET /api/me", me), row("public GET /.well-known/jwks.json", jwks)];
  console.log(
    `\n| path on acme (:3000, production build, autocannon -c 16, ${ROUNDS}×${PER_ROUND} alternated) | req/s | p50 ms | p99 ms | non-2xx |`,
  );
  console.log("|---|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
  const ratio = rows[0]!.rps / rows[1]!.rps;
  const perRequest = requestPathCommands / signedIn;
  console.log(`\nratio signed-in / public: ${ratio.toFixed(2)} (target ≥ 0.9)`);
  console.log(
    `Redis commands on the request path per signed-in request: ${perRequest.toFixed(4)} (${requestPathCommands} over ${signedIn}; target ≤ 0.01)`,
  );
  console.log(`background change-log pulls (XRANGE, every process, not per request) during those requests: ${pulls}`);

  // 3. Propagation: revoke a fresh session via the admin API, poll both instances.
  const ADMIN_HOST = "localhost:3001";
  const ops = await signIn(PORTS.admin, ADMIN_HOST, "ops@example.test", /repo\.(admin|operator)[.-]?session|session/);
  const trials: { web: number; web2: number }[] = [];
  for (let t = 0; t < 20; t++) {
    const session = await signIn(PORTS.web, HOST, "viewer@acme.test", /repo\.session$/);
    const sid = JSON.parse(Buffer.from(session.split("=")[1]!.split(".")[1]!, "base64url").toString()).sid as string;
    for (const port of [PORTS.web, PORTS.web2]) {
      const ok = await call(port, "/api/me", { cookie: session });
      if (ok.status !== 200) throw new Error(`trial ${t}: :${port} -> ${ok.status} before revocation`);
    }
    const started = performance.now();
    const revoke = call(PORTS.admin, "/api/v1/revocations", {
      method: "POST",
      host: ADMIN_HOST,
      cookie: ops,
      json: { tenant: "acme", type: "session", sessionId: sid },
    });
    const refusedAfter = async (port: number) => {
      while (performance.now() - started < 5_000) {
        if ((await call(port, "/api/me", { cookie: session })).status === 401) return performance.now() - started;
        await new Promise((r) => setTimeout(r, 5));
      }
      return Number.POSITIVE_INFINITY;
    };
    const [web, web2, rev] = await Promise.all([refusedAfter(PORTS.web), refusedAfter(PORTS.web2), revoke]);
    if (rev.status !== 201) throw new Error(`revocation -> ${rev.status} ${rev.body}`);
    trials.push({ web, web2 });
  }
  const max = { web: Math.max(...trials.map((x) => x.web)), web2: Math.max(...trials.map((x) => x.web2)) };
  const med = { web: median(trials.map((x) => x.web)), web2: median(trials.map((x) => x.web2)) };
  console.log("\n| revocation propagation (POST /api/v1/revocations → first 401), 20 trials | median ms | max ms |");
  console.log("|---|---:|---:|");
  console.log(`| web instance :3000 | ${med.web.toFixed(0)} | ${max.web.toFixed(0)} |`);
  console.log(`| web instance :3002 | ${med.web2.toFixed(0)} | ${max.web2.toFixed(0)} |`);

  proxy.close();
  const ok = Math.max(max.web, max.web2) <= 1_000 && perRequest <= 0.01;
  console.log(
    `\nTargets: propagation ≤ 1 s on both instances: ${Math.max(max.web, max.web2) <= 1_000 ? "MET" : "MISSED"}; ratio ≥ 0.9: ${ratio >= 0.9 ? "MET" : "MISSED"}; commands/request ≤ 0.01: ${perRequest <= 0.01 ? "MET" : "MISSED"}`,
  );
  return ok ? 0 : 1;
}

function stopAll(): void {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

main()
  .then((code) => {
    stopAll();
    setTimeout(() => process.exit(code), 3_000);
  })
  .catch((error: unknown) => {
    console.error(`[bench:http] ${error instanceof Error ? error.message : String(error)}`);
    stopAll();
    setTimeout(() => process.exit(1), 3_000);
  });
