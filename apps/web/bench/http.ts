// `pnpm bench:http` — the tenant app's production build under HTTP load, plus revocation
// propagation across two running instances. Needs `pnpm build` first. It starts the E2E stack
// (services, migrations, seed, web :3000, admin :3001, worker) and a second web instance
// (:3002), all talking to Redis through a counting proxy in front of the Upstash-REST bridge,
// then prints:
// 1. signed-in GET /api/me vs public GET /.well-known/jwks.json on acme, alternated (autocannon);
// 2. Redis commands seen while the signed-in requests ran, next to the same count over an idle
//    window: XRANGE (the snapshot's background log pulls, every process) apart from the rest;
// 3. time from POST /api/v1/revocations to the first 401 on each instance (max of 20 trials).
// Every wait is bounded; children are stopped (process groups, SIGKILL after a grace period)
// on success, failure, SIGINT and SIGTERM. Exit 0 when every target is met, 1 otherwise.
import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { startServices } from "@repo/services";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const webDir = fileURLToPath(new URL("..", import.meta.url));
const HOST = "acme.localhost:3000";
const ADMIN_HOST = "localhost:3001";
const PORTS = { web: 3000, admin: 3001, web2: 3002 };
const PASSWORD = "demo-password-1";
/** Bounds: one HTTP call, the stack coming up, the second instance, the whole run. */
const CALL_TIMEOUT_MS = 15_000;
const STACK_READY_TIMEOUT_MS = 240_000;
const WEB2_READY_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 12 * 60_000;
const STOP_GRACE_MS = 15_000;
/**
 * Load shape: alternated pairs of fixed-length runs (ROUND_SECONDS signed-in, then as long
 * public), at least MIN_PAIRS and until SIGNED_IN_REQUESTS signed-in requests were served (at
 * most MAX_PAIRS). Fixed time, not a fixed count: autocannon notices the end of an `amount`
 * run only at its next 1-second sample tick, which quantised the rates (pair ratios of exactly
 * 0.5, 1 or 2). Short pairs: on a shared machine a burst of someone else's work lands in one
 * round, and the median of the pairs' ratios is robust to it; the summed ratio is printed too.
 * 20 pairs: single pairs range over ±0.2 on this kind of machine, and with 10 pairs the median
 * of two back-to-back runs differed by up to 0.06.
 */
const ROUND_SECONDS = 2;
const MIN_PAIRS = 20;
const MAX_PAIRS = 40;
const SIGNED_IN_REQUESTS = 2_000;
const CONNECTIONS = 16;
const TRIALS = 20;
/** A trial gives up (and counts as missed) when an instance still answers 200 after this. */
const PROPAGATION_GIVE_UP_MS = 5_000;
const IDLE_WINDOW_MS = 3_000;
/** `pnpm bench:http --profile`: :3002 runs with --cpu-prof and, after the trials, serves
 * PROFILE_PAIRS alternated pairs of signed-in and public rounds; the .cpuprofile (written to
 * PROFILE_DIR when the instance stops) and the rounds' windows (windows.json) are what
 * bench/profile-diff.ts compares, function by function, per request. */
const PROFILE = process.argv.includes("--profile");
const PROFILE_PAIRS = 10;

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
/** The servers' output (read it when something doesn't start). */
const serverLogPath = `${repoRoot}.reports/bench-http-servers.log`;
mkdirSync(`${repoRoot}.reports`, { recursive: true });
const serverLog = createWriteStream(serverLogPath, { flags: "w" });
const PROFILE_DIR = `${repoRoot}.reports/bench-http-profile`;

class BenchError extends Error {}

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
    const req = httpRequest(
      { host: "127.0.0.1", port, path, method: init.method ?? "GET", headers, timeout: CALL_TIMEOUT_MS },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${init.method ?? "GET"} :${port}${path} timed out`)));
    req.on("error", reject);
    req.end(body);
  });
}

const cookiesOf = (r: Reply) => ((r.headers["set-cookie"] as string[] | undefined) ?? []).map((c) => c.split(";")[0]!);

/** Auth.js credentials sign-in (CSRF round trip, then the callback); returns `name=value` of the session cookie. */
async function signIn(port: number, host: string, email: string, cookieName: string): Promise<string> {
  const csrf = await call(port, "/api/auth/csrf", { host });
  if (csrf.status !== 200)
    throw new BenchError(`GET :${port}/api/auth/csrf -> ${csrf.status} ${csrf.body.slice(0, 200)}`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await call(port, "/api/auth/callback/credentials", {
    method: "POST",
    host,
    cookie: cookiesOf(csrf).join("; "),
    form: { csrfToken, email, password: PASSWORD, callbackUrl: "/" },
  });
  const session = cookiesOf(res).find((c) => c.split("=")[0] === cookieName && c.length > cookieName.length + 1);
  if (!session) throw new BenchError(`sign-in of ${email} on :${port} failed (${res.status}, no ${cookieName} cookie)`);
  return session;
}

/** A reverse proxy in front of the Upstash-REST bridge that counts Redis commands by name. */
async function startCountingProxy(target: string) {
  const counts = new Map<string, number>();
  /** Time each XRANGE took behind this proxy (bridge + Redis), in ms. */
  const pullMs: number[] = [];
  const url = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const received = performance.now();
      let isPull = false;
      try {
        const parsed = JSON.parse(body.toString()) as unknown[];
        // POST / carries one command; /pipeline and /multi-exec carry an array of commands.
        const commands = req.url === "/" ? [parsed] : (parsed as unknown[][]);
        for (const c of commands) {
          const name = String((c as unknown[])[0]).toLowerCase();
          counts.set(name, (counts.get(name) ?? 0) + 1);
          isPull ||= name === "xrange";
        }
      } catch {
        // not a command body: forwarded as is
      }
      const upstream = httpRequest(
        { host: url.hostname, port: url.port, path: req.url, method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          if (isPull) up.once("end", () => pullMs.push(performance.now() - received));
          up.pipe(res);
        },
      );
      upstream.on("error", () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    /** A copy of the counts so far. */
    snapshot: () => new Map(counts),
    /** XRANGE durations recorded since the start (slice from a previous length). */
    pullMs,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

type Counts = Map<string, number>;
function delta(after: Counts, before: Counts): Counts {
  const d = new Map<string, number>();
  for (const [name, n] of after) if (n - (before.get(name) ?? 0) > 0) d.set(name, n - (before.get(name) ?? 0));
  return d;
}
const sumExcept = (c: Counts, skip: string) => [...c].reduce((a, [name, n]) => a + (name === skip ? 0 : n), 0);
const describe = (c: Counts) =>
  c.size === 0
    ? "none"
    : [...c]
        .sort((a, b) => b[1] - a[1])
        .map(([name, n]) => `${name.toUpperCase()} ${n}`)
        .join(", ");

/** Spawns a child in its own process group; its output goes to the server log. */
function spawnLogged(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.push(child);
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join("");
  child.stdout?.on("data", (c: Buffer) => serverLog.write(prefix(c)));
  child.stderr?.on("data", (c: Buffer) => serverLog.write(prefix(c)));
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code, signal) =>
      reject(new BenchError(`${name} exited (${signal ?? `exit ${code}`}); see ${serverLogPath}`)),
    ),
  );
  exited.catch(() => {});
  return { child, exited };
}

/** Resolves when `pattern` appears in the child's stdout; rejects on exit or after `timeoutMs`. */
function waitForOutput(
  spawned: ReturnType<typeof spawnLogged>,
  pattern: RegExp,
  timeoutMs: number,
  what: string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    new Promise<void>((resolve) => {
      let seen = "";
      spawned.child.stdout?.on("data", (c: Buffer) => {
        seen = (seen + c.toString()).slice(-4_096);
        if (pattern.test(seen)) resolve();
      });
    }),
    spawned.exited,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new BenchError(`${what} not ready within ${timeoutMs / 1000} s; see ${serverLogPath}`)),
        timeoutMs,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

async function waitForHttp(port: number, spawned: ReturnType<typeof spawnLogged>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitError: unknown;
  spawned.exited.catch((e: unknown) => (exitError = e));
  while (Date.now() < deadline) {
    if (exitError) throw exitError;
    try {
      await call(port, "/.well-known/jwks.json");
      return;
    } catch {
      await sleep(300);
    }
  }
  throw new BenchError(`nothing answers on :${port} after ${timeoutMs / 1000} s; see ${serverLogPath}`);
}

function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port, timeout: 500 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}

type Run = {
  rps: number;
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  seconds: number;
  statuses: Record<string, number>;
};
async function load(path: string, cookie: string | undefined, seconds: number, port = PORTS.web): Promise<Run> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    // A worker thread: this process also runs the Redis bridge and the counting proxy, whose
    // answers must not queue behind the load generator (a late log pull = a stale snapshot).
    workers: 1,
    headers: { host: HOST, ...(cookie ? { cookie } : {}) },
  });
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count ?? 0;
  // Completed requests over the fixed window (autocannon's per-second average is coarser).
  return {
    rps: result.requests.total / seconds,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds,
    statuses,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const startedAt = performance.now();
/** Load average (1 min) and seconds since the start, for the progress lines. */
const load1 = () =>
  `load average ${loadavg()[0]!.toFixed(2)}, t+${((performance.now() - startedAt) / 1000).toFixed(0)} s`;

async function main(): Promise<number> {
  const missing = ["web", "admin"].filter((app) => !existsSync(`${repoRoot}apps/${app}/.next/BUILD_ID`));
  if (missing.length > 0) {
    throw new BenchError(
      `no production build of ${missing.map((a) => `apps/${a}`).join(" and ")} (.next/BUILD_ID missing): run \`pnpm build\` first.`,
    );
  }
  for (const port of Object.values(PORTS)) {
    if (await isPortTaken(port)) throw new BenchError(`port ${port} is in use: stop what listens there first.`);
  }
  console.log(
    `load average before start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")}`,
  );

  const services = await startServices("test");
  cleanups.push(() => services.stop());
  const proxy = await startCountingProxy(services.env.UPSTASH_REDIS_REST_URL);
  cleanups.push(() => proxy.close());
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = {
    ...privateKey.export({ format: "jwk" }),
    kid: `bench-${randomBytes(4).toString("hex")}`,
    alg: "ES256",
    use: "sig",
  };
  // Every secret the stack would otherwise generate is fixed here, so the second web instance
  // (started by this script) signs, verifies and opens tenant databases exactly like :3000.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...services.env,
    UPSTASH_REDIS_REST_URL: proxy.url,
    AUTH_SIGNING_KEYS: JSON.stringify({ keys: [jwk] }),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TENANT_DB_ROLE_SECRET: randomBytes(32).toString("base64url"),
    SSO_SECRET_KEY: randomBytes(32).toString("base64url"),
    ROOT_DOMAIN: `localhost:${PORTS.web}`,
    WEB_ORIGIN: `http://localhost:${PORTS.web}`,
    ADMIN_ORIGIN: `http://localhost:${PORTS.admin}`,
    MAIL_FROM: '"Platform (bench)" <no-reply@localhost>',
    AUTH_COOKIE_SECURE: "false",
    REVOCATION_TIMEOUT_MS: "1000",
    SIGNIN_RATE_LIMIT_EMAIL: "10000",
    SIGNIN_RATE_LIMIT_IP: "10000",
  };
  console.log("starting the E2E stack (web :3000, admin :3001, worker) and a second web instance (:3002) …");
  const stack = spawnLogged(
    "stack",
    process.execPath,
    [createRequire(`${repoRoot}package.json`).resolve("tsx/cli"), "tooling/services/src/cli/e2e-stack.ts"],
    env,
    repoRoot,
  );
  await waitForOutput(stack, /E2E stack ready/, STACK_READY_TIMEOUT_MS, "the E2E stack");
  const nextBin = createRequire(`${webDir}/package.json`).resolve("next/dist/bin/next");
  const web2Env: NodeJS.ProcessEnv = {
    ...env,
    NODE_ENV: "production" as const,
    AUTH_TRUST_HOST: "true",
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    PORT: String(PORTS.web2),
  };
  const web2 = spawnLogged(
    "web2",
    process.execPath,
    [
      ...(PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : []),
      nextBin,
      "start",
      "--port",
      String(PORTS.web2),
      "--hostname",
      "localhost",
    ],
    web2Env,
    webDir,
  );
  await waitForHttp(PORTS.web2, web2, WEB2_READY_TIMEOUT_MS);

  const cookie = await signIn(PORTS.web, HOST, "member@acme.test", "repo.session");
  for (const port of [PORTS.web, PORTS.web2]) {
    const me = await call(port, "/api/me", { cookie });
    if (me.status !== 200) throw new BenchError(`GET /api/me on :${port} -> ${me.status} ${me.body.slice(0, 200)}`);
  }

  // 1 + 2. Alternated load on :3000, after a warm-up (JIT, pools, verified-token cache).
  console.log(`warming up … (${load1()})`);
  await load("/api/me", cookie, 4);
  await load("/.well-known/jwks.json", undefined, 4);

  // Background Redis traffic of every process while nothing is requested, for comparison.
  const idleBefore = proxy.snapshot();
  await sleep(IDLE_WINDOW_MS);
  const idle = delta(proxy.snapshot(), idleBefore);

  console.log(
    `alternated load: pairs of ${ROUND_SECONDS} s signed-in + ${ROUND_SECONDS} s public until ${SIGNED_IN_REQUESTS} signed-in requests … (${load1()})`,
  );
  const me: Run[] = [];
  const jwks: Run[] = [];
  const during: Counts = new Map();
  let signedInSeconds = 0;
  const pullDurations: number[] = [];
  let signedIn = 0;
  for (let r = 0; r < MAX_PAIRS && (r < MIN_PAIRS || signedIn < SIGNED_IN_REQUESTS); r++) {
    const windowStarted = performance.now();
    const before = proxy.snapshot();
    const pullsBefore = proxy.pullMs.length;
    const run = await load("/api/me", cookie, ROUND_SECONDS);
    for (const [name, n] of delta(proxy.snapshot(), before)) during.set(name, (during.get(name) ?? 0) + n);
    pullDurations.push(...proxy.pullMs.slice(pullsBefore));
    // The wall window the commands were counted in (worker start-up included).
    signedInSeconds += (performance.now() - windowStarted) / 1000;
    signedIn += run.requests;
    me.push(run);
    jwks.push(await load("/.well-known/jwks.json", undefined, ROUND_SECONDS));
  }
  const loadDuring = load1();
  const row = (name: string, runs: Run[]) => ({
    name,
    // Requests over time, summed over the rounds (not a mean of per-round rates).
    rps: runs.reduce((a, x) => a + x.requests, 0) / runs.reduce((a, x) => a + x.seconds, 0),
    p50: median(runs.map((x) => x.p50)),
    p99: median(runs.map((x) => x.p99)),
    bad: runs.reduce((a, x) => a + x.non2xx + x.errors, 0),
    statuses: runs.reduce<Record<string, number>>((acc, x) => {
      for (const [code, n] of Object.entries(x.statuses)) if (!code.startsWith("2")) acc[code] = (acc[code] ?? 0) + n;
      return acc;
    }, {}),
  });
  const rows = [row("signed-in `GET /api/me`", me), row("public `GET /.well-known/jwks.json`", jwks)];
  console.log(
    `\n| path on acme (:3000, production build, autocannon -c ${CONNECTIONS}, ${me.length} alternated pairs of ${ROUND_SECONDS} s) | req/s | p50 ms | p99 ms | non-2xx/errors |`,
  );
  console.log("|---|---:|---:|---:|---:|");
  for (const r of rows) {
    const codes = Object.entries(r.statuses).map(([code, n]) => `${code}×${n}`);
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.bad}${codes.length ? ` (${codes.join(", ")})` : ""} |`,
    );
  }
  const ratio = rows[0]!.rps / rows[1]!.rps;
  const roundRatios = me.map((x, i) => x.rps / jwks[i]!.rps);
  const medianRatio = median(roundRatios);
  console.log(
    `\nratio signed-in / public (target ≥ 0.9): median of the ${me.length} pairs **${medianRatio.toFixed(2)}**, over the summed time ${ratio.toFixed(2)}; per pair: ${roundRatios.map((x) => x.toFixed(2)).join(", ")}; ${loadDuring}`,
  );

  // Everything but XRANGE is counted against the request path, from every process (web ×2,
  // admin, worker): an upper bound. XRANGE is the snapshot's timer, shown next to its idle rate.
  const requestPath = sumExcept(during, "xrange");
  const perRequest = requestPath / signedIn;
  const pulls = during.get("xrange") ?? 0;
  const idlePullRate = (idle.get("xrange") ?? 0) / (IDLE_WINDOW_MS / 1000);
  const expectedPulls = idlePullRate * signedInSeconds;
  console.log(
    `\n| Redis commands (all processes) | while ${signedIn} signed-in requests ran (${signedInSeconds.toFixed(1)} s) | idle, ${IDLE_WINDOW_MS / 1000} s |`,
  );
  console.log("|---|---|---|");
  console.log(
    `| all but XRANGE (counted as request path) | ${describe(delta(during, new Map([["xrange", pulls]])))} | ${describe(delta(idle, new Map([["xrange", idle.get("xrange") ?? 0]])))} |`,
  );
  console.log(
    `| XRANGE (snapshot log pulls, background timer of each process) | ${pulls} (${(pulls / signedInSeconds).toFixed(1)}/s; idle rate predicts ${expectedPulls.toFixed(0)}) | ${idle.get("xrange") ?? 0} (${idlePullRate.toFixed(1)}/s) |`,
  );
  console.log(
    `\nRedis commands on the request path per signed-in request: **${perRequest.toFixed(4)}** (${requestPath} over ${signedIn}; target ≤ 0.01)`,
  );
  console.log(
    `background log pulls per signed-in request, for reference (not request-bound): ${(pulls / signedIn).toFixed(4)}`,
  );
  if (pullDurations.length > 0) {
    const sorted = [...pullDurations].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    console.log(
      `XRANGE time behind the counting proxy (bridge + Redis) under load: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (a check waits ≤ 250 ms for a pull; > 1 s stale fails closed)`,
    );
  }

  // 3. Propagation: revoke a fresh session via the admin API, poll both instances.
  console.log(`\nrevocation propagation: ${TRIALS} trials … (${load1()})`);
  const ops = await signIn(PORTS.admin, ADMIN_HOST, "ops@example.test", "repo-admin.session");
  const trials: { web: number; web2: number; post: number }[] = [];
  for (let t = 0; t < TRIALS; t++) {
    const session = await signIn(PORTS.web, HOST, "viewer@acme.test", "repo.session");
    const payload = session.split("=")[1]!.split(".")[1]!;
    const sid = (JSON.parse(Buffer.from(payload, "base64url").toString()) as { sid: string }).sid;
    for (const port of [PORTS.web, PORTS.web2]) {
      const ok = await call(port, "/api/me", { cookie: session });
      if (ok.status !== 200) throw new BenchError(`trial ${t}: :${port} -> ${ok.status} before the revocation`);
    }
    const started = performance.now();
    let answeredAfter = Number.NaN;
    const revoke = call(PORTS.admin, "/api/v1/revocations", {
      method: "POST",
      host: ADMIN_HOST,
      cookie: ops,
      json: { tenant: "acme", type: "session", sessionId: sid },
    }).then((res) => ((answeredAfter = performance.now() - started), res));
    const refusedAfter = async (port: number) => {
      while (performance.now() - started < PROPAGATION_GIVE_UP_MS) {
        const res = await call(port, "/api/me", { cookie: session });
        if (res.status === 401) return performance.now() - started;
        if (res.status !== 200)
          throw new BenchError(`trial ${t}: :${port} answered ${res.status} ${res.body.slice(0, 200)}`);
        await sleep(5);
      }
      return Number.POSITIVE_INFINITY;
    };
    const [web, webTwo, rev] = await Promise.all([refusedAfter(PORTS.web), refusedAfter(PORTS.web2), revoke]);
    if (rev.status !== 201) throw new BenchError(`POST /api/v1/revocations -> ${rev.status} ${rev.body.slice(0, 200)}`);
    trials.push({ web, web2: webTwo, post: answeredAfter });
  }
  const max = { web: Math.max(...trials.map((x) => x.web)), web2: Math.max(...trials.map((x) => x.web2)) };
  const med = { web: median(trials.map((x) => x.web)), web2: median(trials.map((x) => x.web2)) };
  console.log(
    `\n| revocation propagation (POST /api/v1/revocations → first 401), ${TRIALS} trials | median ms | max ms |`,
  );
  console.log("|---|---:|---:|");
  console.log(`| web instance :3000 | ${med.web.toFixed(0)} | ${max.web.toFixed(0)} |`);
  console.log(`| web instance :3002 | ${med.web2.toFixed(0)} | ${max.web2.toFixed(0)} |`);
  const posts = trials.map((x) => x.post);
  console.log(
    `| (for reference) the POST's own answer from the admin app | ${median(posts).toFixed(0)} | ${Math.max(...posts).toFixed(0)} |`,
  );

  if (PROFILE) {
    console.log(`\nprofiling :3002: ${PROFILE_PAIRS} alternated pairs of ${ROUND_SECONDS} s signed-in + public …`);
    // Alternated like the ratio, so a slow spell of the machine lands on both sides; each window
    // is recorded on the monotonic clock the V8 profile uses, for bench/profile-diff.ts.
    const windows: { kind: "signed-in" | "public"; startUs: number; endUs: number; requests: number }[] = [];
    const nowUs = () => Number(process.hrtime.bigint() / 1000n);
    for (let r = 0; r < PROFILE_PAIRS; r++) {
      for (const kind of ["signed-in", "public"] as const) {
        const startUs = nowUs();
        const run =
          kind === "signed-in"
            ? await load("/api/me", cookie, ROUND_SECONDS, PORTS.web2)
            : await load("/.well-known/jwks.json", undefined, ROUND_SECONDS, PORTS.web2);
        windows.push({ kind, startUs, endUs: nowUs(), requests: run.requests });
      }
    }
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(`${PROFILE_DIR}/windows.json`, JSON.stringify(windows));
    const served = (kind: string) => windows.filter((w) => w.kind === kind).reduce((a, w) => a + w.requests, 0);
    console.log(`(:3002 under the profiler: ${served("signed-in")} signed-in, ${served("public")} public requests)`);
    console.log(
      `CPU profile of :3002 → ${PROFILE_DIR} (written when it stops); compare the two kinds per request with \`pnpm --filter @repo/web exec tsx bench/profile-diff.ts\``,
    );
  }

  const worst = Math.max(max.web, max.web2);
  const errors = rows.reduce((a, r) => a + r.bad, 0);
  const verdict = (ok: boolean) => (ok ? "MET" : "MISSED");
  console.log(
    `\nTargets: ratio ≥ 0.9 (median of pairs): ${verdict(medianRatio >= 0.9)}, (summed time): ${verdict(ratio >= 0.9)}; request-path Redis commands ≤ 0.01/request: ${verdict(perRequest <= 0.01)}; propagation ≤ 1 s on both instances: ${verdict(worst <= 1_000)}; no non-2xx/errors under load: ${verdict(errors === 0)}`,
  );
  console.log(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")}; ${((performance.now() - startedAt) / 1000).toFixed(0)} s in all (before teardown)`,
  );
  return medianRatio >= 0.9 && perRequest <= 0.01 && worst <= 1_000 && errors === 0 ? 0 : 1;
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // Negative pid: the whole process group (Next forks workers; the stack owns services).
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

let stopping: Promise<void> | undefined;
/** SIGTERM every child group, SIGKILL what is left after the grace period, then stop services. */
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    const running = children.filter(isRunning);
    for (const child of running) signalGroup(child, "SIGTERM");
    await Promise.race([
      Promise.all(running.map((child) => new Promise((r) => (isRunning(child) ? child.once("exit", r) : r(null))))),
      sleep(STOP_GRACE_MS),
    ]);
    for (const child of children) signalGroup(child, "SIGKILL");
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
    await new Promise<void>((r) => serverLog.end(r));
  })();
  return stopping;
}

function finish(code: number): void {
  // Bounded: a teardown that hangs must not keep the lock.
  const force = setTimeout(() => process.exit(code), STOP_GRACE_MS + 15_000);
  force.unref();
  void stopAll().finally(() => process.exit(code));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`[bench:http] ${signal}: stopping the servers …`);
    finish(130);
  });
}
const watchdog = setTimeout(() => {
  console.error(`[bench:http] gave up after ${RUN_TIMEOUT_MS / 60_000} min; see ${serverLogPath}`);
  finish(1);
}, RUN_TIMEOUT_MS);
watchdog.unref();

main()
  .then((code) => finish(code))
  .catch((error: unknown) => {
    console.error(
      `[bench:http] ${error instanceof BenchError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    finish(1);
  });
