// `pnpm --filter @repo/auth bench` — µs/op for session verification paths.
// Revocation rows use real Redis through the Upstash-REST bridge: UPSTASH_REDIS_REST_URL/TOKEN
// if set, else `@repo/services` starts/reuses the dev services (stopped again at the end).
// Targets: gate warm + snapshot revocation check <= 5 µs/op; gate cold <= 1.2x bare
// jose.jwtVerify; snapshot memory for 1M revoked sessions <= 32 MB.
import { jwtVerify } from "jose";
import { decode as authjsDecode, encode as authjsEncode } from "@auth/core/jwt";
import { authorizeRequest, type GateOptions } from "@repo/auth/gate";
import { definePolicy } from "@repo/auth/rbac";
import {
  SessionFingerprintSet,
  createRevocationRedis,
  createRevocationStore,
  createSnapshotRevocationStore,
} from "@repo/auth/revocation";
import { generateSigningJwk, importKeySet, signSessionToken, type KeySet } from "@repo/auth/token";
import { startServices } from "@repo/services";
import { parseTenantSlug } from "@repo/tenancy/host";

const TENANT = { id: "11111111-1111-4111-8111-111111111111", slug: "acme", name: "Acme", status: "active" };
const ISSUER = "bench";
const COOKIE = "__Host-repo.session";

type Sample = { name: string; us: number; wallUs: number; iterations: number };

/**
 * µs/op as CPU time of this process (process.cpuUsage) — the 2-core machine is shared, and
 * wall time mostly measures other engineers' builds — plus wall time for reference.
 */
async function measure(name: string, iterations: number, fn: (i: number) => Promise<unknown>): Promise<Sample> {
  const warm = Math.min(200, Math.floor(iterations / 10));
  for (let i = 0; i < warm; i++) await fn(i);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = warm; i < warm + iterations; i++) await fn(i);
  const wallUs = ((performance.now() - started) * 1000) / iterations;
  const used = process.cpuUsage(cpu);
  return { name, us: (used.user + used.system) / iterations, wallUs, iterations };
}

function mint(keys: KeySet, i: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signSessionToken(
    {
      sub: `user-${i}`,
      tid: TENANT.id,
      sid: `sid-${i}`,
      auth_time: now - 60,
      roles: ["member"],
      permissions: ["projects:read", "projects:write", "members:read", "tenant:read"],
    },
    keys,
    { issuer: ISSUER, audience: TENANT.id, expiresInSeconds: 3600 },
  );
}

const req = (token: string) =>
  new Request("http://localhost:3000/projects", {
    headers: { host: "acme.example.com", cookie: `theme=dark; ${COOKIE}=${token}` },
  });

async function main() {
  const keys = await importKeySet({ keys: [await generateSigningJwk("ES256")] });
  const policy = definePolicy([{ path: "/projects/*", permission: "projects:read" }]);
  const base: Omit<GateOptions, "revocation"> = {
    keys,
    issuer: ISSUER,
    rootDomain: "example.com",
    parseTenantSlug,
    resolveTenant: (slug) => (slug === "acme" ? TENANT : null),
    policy,
    cookieName: COOKIE,
  };

  const COLD = 3200;
  const tokens = await Promise.all(Array.from({ length: COLD }, (_, i) => mint(keys, i)));
  const coldRequests = tokens.map(req);
  const token = tokens[0]!;
  const publicKey = keys.signing.key;
  const secret = "bench-secret-".repeat(4);
  const salt = "authjs.session-token";
  const jwe = await authjsEncode({ token: { sub: "user-0", email: "a@b.test", name: "A" }, secret, salt });

  let services: Awaited<ReturnType<typeof startServices>> | undefined;
  let upstash =
    process.env.UPSTASH_REDIS_REST_URL && process.env.UPSTASH_REDIS_REST_TOKEN
      ? { url: process.env.UPSTASH_REDIS_REST_URL, token: process.env.UPSTASH_REDIS_REST_TOKEN }
      : undefined;
  if (!upstash) {
    console.log("UPSTASH_REDIS_REST_URL/TOKEN not set: starting (or reusing) dev services via @repo/services …");
    services = await startServices("dev");
    upstash = { url: services.env.UPSTASH_REDIS_REST_URL, token: services.env.UPSTASH_REDIS_REST_TOKEN };
  }
  const prefix = `rv-bench-${Date.now()}`;
  const redis = createRevocationRedis({ ...upstash, timeoutMs: 1000 });
  const revocation = createRevocationStore({ redis, timeoutMs: 1000, prefix });
  // The request path's store: a local snapshot of the change log (background poller).
  const snapshotStore = createSnapshotRevocationStore({
    redis,
    source: revocation,
    prefix,
    mode: "background",
    pullTimeoutMs: 1000,
  });
  await snapshotStore.start();
  // Some revocations in the snapshot so lookups aren't against empty structures.
  for (let i = 0; i < 50; i++)
    await revocation.revokeSession(TENANT.id, `revoked-${i}`, Math.floor(Date.now() / 1000) + 600);
  for (let i = 0; i < 20; i++) await revocation.revokeUser(TENANT.id, `gone-${i}`);
  await snapshotStore.refresh();

  const coldOptions = { ...base, revocation: null };
  const warmOptions = { ...base, revocation: null };
  const revOptions = { ...base, revocation };
  const snapOptions = { ...base, revocation: snapshotStore };
  const warmReq = req(token);

  // Bare verify and the cold gate, interleaved op by op and timed per op: the median per-op
  // latency compares them under the same (shared, noisy) machine conditions.
  const perOp = { bare: [] as number[], jwe: [] as number[], cold: [] as number[] };
  const time = async (into: number[], fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    into.push((performance.now() - t0) * 1000);
  };
  for (let i = 0; i < COLD; i++) {
    const record = i >= 200; // the first 200 rounds warm the JIT
    const ops = [
      () => time(record ? perOp.bare : [], () => jwtVerify(tokens[i]!, publicKey, { algorithms: ["ES256"] })),
      () =>
        time(record ? perOp.cold : [], async () => {
          const d = await authorizeRequest(coldRequests[i]!, coldOptions); // token i was never seen by this gate
          if (d.type !== "allow") throw new Error(`cold: ${d.reason}`);
        }),
    ];
    // Alternate which goes first, so neither always inherits the other's garbage.
    for (let k = 0; k < 2; k++) await ops[(i + k) % 2]!();
  }
  // Auth.js's JWE decode in its own loop: its HKDF + AES work would skew the pairs above.
  for (let i = 0; i < COLD; i++)
    await time(i >= 200 ? perOp.jwe : [], () => authjsDecode({ token: jwe, secret, salt }));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  // Warm path (~µs): batches, CPU time, median of 5 rounds.
  const warmRounds: Sample[] = [];
  for (let r = 0; r < 5; r++) {
    warmRounds.push(
      await measure("warm", 100_000, async () => {
        const d = await authorizeRequest(warmReq, warmOptions);
        if (d.type !== "allow") throw new Error(`warm: ${d.reason}`);
      }),
    );
  }
  const revOps: number[] = [];
  for (let i = 0; i < 1200; i++) {
    await time(i >= 200 ? revOps : [], async () => {
      const d = await authorizeRequest(warmReq, revOptions);
      if (d.type !== "allow") throw new Error(`revocation: ${d.reason}`);
    });
  }
  // Warm + snapshot check: same batches as the warm path (the slow-path read happens once, in warm-up).
  const snapRounds: Sample[] = [];
  for (let r = 0; r < 5; r++) {
    snapRounds.push(
      await measure("snapshot", 100_000, async () => {
        const d = await authorizeRequest(warmReq, snapOptions);
        if (d.type !== "allow") throw new Error(`snapshot: ${d.reason}`);
      }),
    );
  }
  // Slow path: a session this process hasn't validated yet (one MGET, then snapshot).
  const slowOps: number[] = [];
  for (let i = 0; i < 1200; i++) {
    const slowStore = createSnapshotRevocationStore({
      redis,
      source: revocation,
      prefix,
      mode: "on-request",
      pollIntervalMs: 60_000,
      validatedSessions: 16,
    });
    await slowStore.start();
    const opts = { ...base, revocation: slowStore };
    await time(i >= 200 ? slowOps : [], async () => {
      const d = await authorizeRequest(warmReq, opts);
      if (d.type !== "allow") throw new Error(`slow path: ${d.reason}`);
    });
  }
  snapshotStore.stop();

  // Memory: 1M revoked sessions in the snapshot's compact set (table bytes, and heap + array
  // buffers growth measured around building it).
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const set = new SessionFingerprintSet();
  const until = Math.floor(Date.now() / 1000) + 3600;
  for (let i = 0; i < 1_000_000; i++) set.add(TENANT.id, `sid-${i.toString(36)}-${i}`, until);
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  const measuredBytes = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  const memory = { entries: set.size, tableBytes: set.byteLength, measuredBytes };

  const n = COLD - 200;
  const results = [
    { name: "bare jose.jwtVerify (ES256)", us: median(perOp.bare), how: "median per-op wall", iterations: n },
    {
      name: "Auth.js default JWE decode (@auth/core/jwt)",
      us: median(perOp.jwe),
      how: "median per-op wall",
      iterations: n,
    },
    { name: "gate cold (first sight of a token)", us: median(perOp.cold), how: "median per-op wall", iterations: n },
    {
      name: "gate warm (cache hit), no revocation",
      us: median(warmRounds.map((x) => x.us)),
      how: "CPU time / op, median of 5×100k",
      iterations: 500_000,
    },
    {
      name: "gate warm + snapshot revocation check",
      us: median(snapRounds.map((x) => x.us)),
      how: "CPU time / op, median of 5×100k",
      iterations: 500_000,
    },
    {
      name: "slow path: first sight of a session (one MGET via bridge)",
      us: median(slowOps),
      how: "median per-op wall (HTTP round trip)",
      iterations: 1000,
    },
    {
      name: "(before) gate warm + Redis round trip per request",
      us: median(revOps),
      how: "median per-op wall (HTTP round trip)",
      iterations: 1000,
    },
  ];
  await services?.stop();

  const bare = results[0]!.us;
  console.log(
    `\nload average: ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (2 cores)`,
  );
  console.log("| path | µs/op | vs bare verify | measured as | ops |");
  console.log("|---|---:|---:|---|---:|");
  for (const r of results)
    console.log(`| ${r.name} | ${r.us.toFixed(2)} | ${(r.us / bare).toFixed(2)}× | ${r.how} | ${r.iterations} |`);
  const cold = results[2]!.us;
  const snap = results[4]!.us;
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  console.log(
    `\nSnapshot memory: ${memory.entries.toLocaleString("en")} revoked sessions = ${mb(memory.tableBytes)} MB table (${mb(memory.measuredBytes)} MB measured heap + buffers growth)`,
  );
  console.log(
    `\nTargets: warm + snapshot check ${snap.toFixed(2)} µs (≤ 5: ${snap <= 5 ? "MET" : "MISSED"}); cold ${(cold / bare).toFixed(2)}× bare (≤ 1.2×: ${cold / bare <= 1.2 ? "MET" : "MISSED"}); memory ${mb(memory.tableBytes)} MB (≤ 32: ${memory.tableBytes <= 32 * 1024 * 1024 ? "MET" : "MISSED"})`,
  );
}

await main();
