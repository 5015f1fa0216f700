// The proxy behind a trusted reverse proxy (TRUST_FORWARDED_HOST=true): the public host is in
// X-Forwarded-Host and `Host` names the upstream. The CSRF Origin check must compare against
// the same host the gate resolved the tenant from, or every legitimate write is refused and a
// write whose Origin matches only the internal `Host` is let through.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";
import { mintSessionCookie, useTestPlatform, type SeededTenant } from "./support/test-platform";

vi.stubEnv("TRUST_FORWARDED_HOST", "true");

let alpha: SeededTenant;
let beta: SeededTenant;
useTestPlatform((seeded) => ({ alpha, beta } = seeded));
afterAll(() => {
  vi.unstubAllEnvs();
});

const UPSTREAM = "web-upstream.internal:3000";

async function post(origin: string | undefined) {
  const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.owner);
  return proxy(
    new NextRequest("http://localhost:3000/api/projects", {
      method: "POST",
      headers: { host: UPSTREAM, "x-forwarded-host": alpha.host, cookie, ...(origin ? { origin } : {}) },
      body: "{}",
    }),
  );
}

describe("proxy behind a trusted reverse proxy", () => {
  it("lets a same-origin write through (Origin = the forwarded public host)", async () => {
    const response = await post(`http://${alpha.host}`);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it.each([
    ["the internal Host only", `http://${UPSTREAM}`],
    ["a sibling tenant", () => `http://${beta.host}`],
    ["no Origin", undefined],
  ] as const)("refuses a write whose Origin is %s", async (_name, origin) => {
    const response = await post(typeof origin === "function" ? origin() : origin);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
  });
});
