// Portability proof: the gate (+ token, revocation, rbac and the fetch-based Redis client) is
// bundled for a browser-like platform — any `node:` import fails the build — and run inside
// an @edge-runtime/vm EdgeVM (the Vercel Edge runtime: no require, no process, no Buffer),
// against the real Redis through the Upstash-REST bridge.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { EdgeVM } from "@edge-runtime/vm";
import { describe, expect, it } from "vitest";
import { upstashEnv, deletePrefix, testPrefix } from "./redis-fixtures";
import { generateSigningJwk } from "@repo/auth/token";

const src = (p: string) => fileURLToPath(new URL(`../src/${p}`, import.meta.url));

async function bundleEdgeEntry(): Promise<string> {
  const entry = `
    export { authorizeRequest } from ${JSON.stringify(src("gate/index.ts"))};
    export { importKeySet, signSessionToken } from ${JSON.stringify(src("token/index.ts"))};
    export { createRevocationStore, createRevocationRedis, createSnapshotRevocationStore } from ${JSON.stringify(src("revocation/index.ts"))};
    export { definePolicy } from ${JSON.stringify(src("rbac/index.ts"))};
    export { parseTenantSlug } from "@repo/tenancy/host";
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: fileURLToPath(new URL("..", import.meta.url)), loader: "ts" },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "EdgeAuth",
    platform: "browser",
    conditions: ["edge-light", "worker", "browser"],
    target: "es2022",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

type Input = { jwks: unknown; redisUrl: string; redisToken: string; prefix: string; tenantId: string };

// Runs INSIDE the EdgeVM: only the edge globals exist here.
async function scenario(input: Input) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bundle's API is untyped inside the VM
  const A = (globalThis as unknown as { EdgeAuth: Record<string, (...a: unknown[]) => any> }).EdgeAuth;
  const keys = await A.importKeySet!({ keys: input.jwks });
  const tenant = { id: input.tenantId, slug: "acme", name: "Acme", status: "active" };
  const redis = A.createRevocationRedis!({ url: input.redisUrl, token: input.redisToken, timeoutMs: 2000 });
  const source = A.createRevocationStore!({ redis, prefix: input.prefix, timeoutMs: 2000 });
  // Timer-free mode (edge isolates): requests trigger the pulls of the change log.
  const revocation = A.createSnapshotRevocationStore!({
    redis,
    source,
    prefix: input.prefix,
    mode: "on-request",
    pullTimeoutMs: 2000,
  });
  // Another process (a second store over the same Redis) writes; this isolate learns of it by
  // pulling the log on a later request.
  const writer = A.createRevocationStore!({ redis, prefix: input.prefix, timeoutMs: 2000 });
  const options = {
    keys,
    issuer: "edge-test",
    rootDomain: "example.com",
    parseTenantSlug: A.parseTenantSlug!,
    resolveTenant: (slug: string) => (slug === "acme" ? tenant : null),
    revocation,
    policy: A.definePolicy!([{ path: "/settings/*", permission: "tenant:manage" }]),
    cookieName: "__Host-repo.session",
  };
  const now = Math.floor(Date.now() / 1000);
  const token = await A.signSessionToken!(
    { sub: "u1", tid: tenant.id, sid: "s1", auth_time: now - 10, roles: ["member"], permissions: ["projects:read"] },
    keys,
    { issuer: "edge-test", audience: tenant.id, expiresInSeconds: 600 },
  );
  const req = (path: string, host = "acme.example.com") =>
    new Request(`http://localhost${path}`, {
      headers: { host, cookie: `__Host-repo.session=${token}`, "x-repo-user-id": "evil" },
    });
  const out: Record<string, unknown> = {};
  const d1 = await A.authorizeRequest!(req("/projects"), options);
  out.allow = { type: d1.type, user: d1.requestHeaders?.().get("x-repo-user-id") };
  out.warm = (await A.authorizeRequest!(req("/projects"), options)).type;
  out.forbidden = (await A.authorizeRequest!(req("/settings"), options)).status;
  out.unknownTenant = (await A.authorizeRequest!(req("/", "evil.example.com"), options)).status;
  await writer.revokeSession(tenant.id, "s1", now + 600);
  let reason = "allowed";
  const started = Date.now();
  while (Date.now() - started < 3000) {
    const d = await A.authorizeRequest!(req("/projects"), options);
    if (d.type !== "allow") {
      reason = d.reason;
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  out.revoked = reason;
  out.hasTimerFreeSnapshot = revocation.snapshot.sessions.size;
  out.hasProcess = typeof (globalThis as { process?: unknown }).process;
  out.hasRequire = typeof (globalThis as { require?: unknown }).require;
  return JSON.stringify(out);
}

describe("edge runtime portability", () => {
  it("bundles without Node built-ins and runs the gate inside EdgeVM against real Redis", {
    timeout: 30_000,
  }, async () => {
    const code = await bundleEdgeEntry();
    expect(code).not.toMatch(/require\(["']node:/);
    const vm = new EdgeVM();
    vm.evaluate(code);
    const { url, token } = upstashEnv();
    const prefix = testPrefix();
    const input: Input = {
      jwks: [await generateSigningJwk("ES256")],
      redisUrl: url,
      redisToken: token,
      prefix,
      tenantId: crypto.randomUUID(),
    };
    try {
      const json = await vm.evaluate<Promise<string>>(`(${scenario.toString()})(${JSON.stringify(input)})`);
      expect(JSON.parse(json)).toEqual({
        allow: { type: "allow", user: "u1" },
        warm: "allow",
        forbidden: 403,
        unknownTenant: 404,
        revoked: "revoked:session",
        hasTimerFreeSnapshot: 1,
        hasProcess: "undefined",
        hasRequire: "undefined",
      });
    } finally {
      await deletePrefix(prefix);
    }
  });
});
