// Another process (the admin app) suspends a tenant: this process's tenant cache still says
// "active". The tenant epoch kills the session on the next request, and that request must
// already show the suspended page — not the sign-in page until the cache TTL runs out. A kill
// switch without suspension still sends the user to sign-in.
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { tenants } from "@repo/db/control-plane";
import { proxy } from "@/proxy";
import { mintSessionCookie, useTestPlatform, type SeededTenant } from "./support/test-platform";
import { getControlPlaneDb, getSessionRevocationStore } from "@/server/web-root";

let alpha: SeededTenant;
let beta: SeededTenant;
// A long TTL: without the re-read, the cache would say "active" for the whole test.
useTestPlatform((seeded) => ({ alpha, beta } = seeded), { tenantCacheTtlMs: 600_000 });

const run = (path: string, host: string, cookie: string) =>
  proxy(new NextRequest(`http://localhost:3000${path}`, { headers: { host, cookie } }));

/** What the admin app does, seen from here: status changed in the control plane + tenant epoch. */
async function revokeTenantElsewhere(tenant: SeededTenant, status: "active" | "suspended") {
  await getControlPlaneDb().update(tenants).set({ status }).where(eq(tenants.id, tenant.tenant.id));
  await getSessionRevocationStore().revokeTenant(tenant.tenant.id);
  await new Promise((resolve) => setTimeout(resolve, 1_100)); // epochs compare at 1 s precision
}

describe("tenant-wide revocation from another process", () => {
  it("suspension: the very next request shows the suspended page (stale cache re-read once)", async () => {
    const { cookie } = await mintSessionCookie(beta.tenant, beta.users.owner);
    expect((await run("/", beta.host, cookie)).headers.get("x-middleware-next")).toBe("1"); // cached as active

    await revokeTenantElsewhere(beta, "suspended");
    const page = await run("/projects", beta.host, cookie);
    expect(page.headers.get("x-middleware-rewrite")).toContain("/status/suspended");
    const api = await run("/api/me", beta.host, cookie);
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: "tenant_suspended" } });
  });

  it("kill switch without suspension: signed out to the sign-in page, tenant still active", async () => {
    const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.owner);
    expect((await run("/", alpha.host, cookie)).headers.get("x-middleware-next")).toBe("1");

    await revokeTenantElsewhere(alpha, "active");
    const page = await run("/projects", alpha.host, cookie);
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe(`http://${alpha.host}/signin?callbackUrl=%2Fprojects`);
    expect((await run("/api/me", alpha.host, cookie)).status).toBe(401);
  });
});
