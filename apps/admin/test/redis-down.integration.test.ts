// When the revocation store (Redis) is down, every console write that must reach it answers a
// coded 503 telling the operator to retry — never an opaque 500 — and DB-only work still runs.
// The admin singletons read UPSTASH_REDIS_REST_URL on first use, so it is pointed at a closed
// port before any admin module is imported (this file has its own module registry).
import { createServer } from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpAdminTestEnv, randomSuffix, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";

let env: AdminTestEnv;
let bearer: Record<string, string>;
const slug = `r-${randomSuffix()}`;

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  process.env.UPSTASH_REDIS_REST_URL = `http://127.0.0.1:${await findClosedPort()}`;
  // Sessions need Redis to verify; an API token (control plane only) does not.
  const { generateApiToken } = await import("../src/server/api-tokens/generate-api-token");
  const { token, tokenHash, displayPrefix } = generateApiToken();
  const cp = postgres(env.controlPlaneUrl, { max: 1, onnotice: () => {} });
  await cp`insert into operator_api_tokens (operator_id, name, token_hash, prefix, scope, expires_at)
           values (${env.ownerId}, 'redis-down', ${tokenHash}, ${displayPrefix}, 'write', now() + interval '1 day')`;
  await cp.end();
  bearer = { authorization: `Bearer ${token}` };
}, 60_000);

afterAll(async () => {
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

describe("Redis down", () => {
  it("role edits, role changes, disable, suspend and revocations are 503 service_unavailable", async () => {
    const tenants = await import("../src/app/api/v1/tenants/route");
    const members = await import("../src/app/api/v1/tenants/[slug]/members/route");
    const member = await import("../src/app/api/v1/tenants/[slug]/members/[userId]/route");
    const roles = await import("../src/app/api/v1/tenants/[slug]/roles/route");
    const role = await import("../src/app/api/v1/tenants/[slug]/roles/[key]/route");
    const suspend = await import("../src/app/api/v1/tenants/[slug]/suspend/route");
    const revocations = await import("../src/app/api/v1/revocations/route");

    expect(
      (await callRoute(tenants.POST, "POST", "/x", { headers: bearer, body: { slug, name: "Redis Down" } })).status,
    ).toBe(201);
    expect(
      (
        await callRoute(roles.POST, "POST", "/x", {
          headers: bearer,
          params: { slug },
          body: { key: "auditor", name: "Auditor", permissions: ["projects:read"] },
        })
      ).status,
    ).toBe(201);
    const created = await callRoute(members.POST, "POST", "/x", {
      headers: bearer,
      params: { slug },
      body: { email: "r@x.test", name: "R", roles: ["auditor"] },
    });
    expect(created.status).toBe(201);
    const userId = created.body.member.id as string;

    const writes = [
      [
        "PUT role (holders' claims → stale)",
        () =>
          callRoute(role.PUT, "PUT", "/x", {
            headers: bearer,
            params: { slug, key: "auditor" },
            body: { name: "Auditor", permissions: ["projects:read", "members:read"] },
          }),
      ],
      [
        "PATCH member roles",
        () =>
          callRoute(member.PATCH, "PATCH", "/x", {
            headers: bearer,
            params: { slug, userId },
            body: { roles: ["member"] },
          }),
      ],
      [
        "PATCH member disabled",
        () =>
          callRoute(member.PATCH, "PATCH", "/x", {
            headers: bearer,
            params: { slug, userId },
            body: { disabled: true },
          }),
      ],
      ["POST suspend", () => callRoute(suspend.POST, "POST", "/x", { headers: bearer, params: { slug } })],
      [
        "POST revocation (user)",
        () =>
          callRoute(revocations.POST, "POST", "/x", { headers: bearer, body: { tenant: slug, type: "user", userId } }),
      ],
      ["GET revocations", () => callRoute(revocations.GET, "GET", "/x", { headers: bearer, query: { tenant: slug } })],
    ] as const;
    for (const [label, call] of writes) {
      const res = await call();
      expect(res.status, label).toBe(503);
      expect(res.body.error.code, label).toBe("service_unavailable");
      expect(res.body.error.message, label).toMatch(/Redis/);
    }
  }, 60_000);
});

/** A local port nothing listens on (bound once by us, then released). */
async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
