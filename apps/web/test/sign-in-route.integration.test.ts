// Brute-force protection on Auth.js's own credentials endpoint, attacked through the real route
// handler (real Auth.js, Postgres, Redis). The per-email limit must count the email Auth.js
// actually authenticates, whatever shape the body takes: a limiter that reads another value
// (the first of duplicate fields, nothing from a JSON body) lets one account be guessed without
// limit, since the per-IP limit alone is defeated by rotating addresses.
import { afterAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { eq } from "drizzle-orm";
import { hashPassword } from "@repo/auth/server";
import { users } from "@repo/db/tenant";
import { useTestPlatform, type SeededTenant } from "./support/test-platform";
import { getTenantDb } from "@/server/web-root";

// Each attempt runs argon2 and several Redis round trips: on a loaded machine 5 s is too tight.
vi.setConfig({ testTimeout: 60_000 });

const EMAIL_LIMIT = 3;
vi.stubEnv("SIGNIN_RATE_LIMIT_EMAIL", String(EMAIL_LIMIT));
vi.stubEnv("SIGNIN_RATE_LIMIT_IP", "1000");
// Own Redis keys: other runs sharing this Redis never share this file's windows.
vi.stubEnv("SIGNIN_RATE_LIMIT_PREFIX", `rl:signin:test-${crypto.randomUUID().slice(0, 8)}`);

let alpha: SeededTenant;
useTestPlatform((seeded) => ({ alpha } = seeded));
afterAll(() => vi.unstubAllEnvs());

type Shape = "form" | "form, decoy email first" | "json" | "json, decoy key first";

function encode(
  shape: Shape,
  fields: { csrfToken: string; email: string; password: string },
  attempt: number,
): { type: string; body: string } {
  const decoy = `decoy-${attempt}-${crypto.randomUUID()}@elsewhere.test`;
  switch (shape) {
    case "form":
      return { type: "application/x-www-form-urlencoded", body: new URLSearchParams(fields).toString() };
    case "form, decoy email first": {
      // Auth.js keeps the LAST `email` (Object.fromEntries), so the decoy is never signed in.
      const params = new URLSearchParams([
        ["email", decoy],
        ["csrfToken", fields.csrfToken],
        ["password", fields.password],
        ["email", fields.email],
      ]);
      return { type: "application/x-www-form-urlencoded", body: params.toString() };
    }
    case "json":
      return { type: "application/json", body: JSON.stringify(fields) };
    case "json, decoy key first":
      return { type: "application/json", body: `{"email":${JSON.stringify(decoy)},${JSON.stringify(fields).slice(1)}` };
  }
}

async function attemptSignIn(shape: Shape, email: string, attempt: number): Promise<Response> {
  const host = alpha.host;
  const csrfRes = await GET(new NextRequest("http://localhost:3000/api/auth/csrf", { headers: { host } }));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { type, body } = encode(shape, { csrfToken, email, password: `guess-${attempt}` }, attempt);
  return POST(
    new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: {
        host,
        origin: `http://${host}`,
        cookie,
        "content-type": type,
        "x-auth-return-redirect": "1",
        // A fresh address every time: only the per-email limit stands in the way.
        "x-forwarded-for": `198.51.100.${attempt + 1}`,
      },
      body,
    }),
  );
}

describe("sign-in brute-force limit per (tenant, email), whatever the body shape", () => {
  it.each<Shape>(["form", "form, decoy email first", "json", "json, decoy key first"])(
    "%s: wrong passwords are refused, then 429 with Retry-After",
    async (shape) => {
      const victim = `victim-${crypto.randomUUID()}@${alpha.tenant.slug}.test`;
      for (let i = 0; i < EMAIL_LIMIT; i++) {
        const res = await attemptSignIn(shape, victim, i);
        expect(res.status, `attempt ${i + 1}`).toBe(200);
        expect(((await res.json()) as { url: string }).url).toContain("error=CredentialsSignin");
      }
      const limited = await attemptSignIn(shape, victim, EMAIL_LIMIT);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({
        error: { code: "rate_limited", message: expect.stringContaining("wait") },
      });
    },
  );

  it("counts every shape against the same account", async () => {
    const victim = `victim-${crypto.randomUUID()}@${alpha.tenant.slug}.test`;
    const shapes: Shape[] = ["json", "form, decoy email first", "json, decoy key first"];
    for (const [i, shape] of shapes.entries()) expect((await attemptSignIn(shape, victim, i)).status).toBe(200);
    expect((await attemptSignIn("form", victim, shapes.length)).status).toBe(429);
  });
});

describe("Auth.js's own POST endpoints with the proxy switched off", () => {
  it.each([
    ["no Origin", undefined],
    ["Origin: null", "null"],
    ["a sibling tenant", () => `http://beta-${crypto.randomUUID().slice(0, 4)}.localhost:3000`],
    ["a look-alike host", () => `http://${alpha.host}.evil.test`],
    ["another port", () => `http://${alpha.tenant.slug}.localhost:3001`],
  ] as const)("refuse %s (cross-subdomain CSRF: login CSRF, forced sign-out)", async (_name, origin) => {
    const value = typeof origin === "function" ? origin() : origin;
    for (const path of ["/api/auth/callback/credentials", "/api/auth/signout"]) {
      const res = await POST(
        new NextRequest(`http://localhost:3000${path}`, {
          method: "POST",
          headers: {
            host: alpha.host,
            "content-type": "application/x-www-form-urlencoded",
            ...(value ? { origin: value } : {}),
          },
          body: new URLSearchParams({ csrfToken: "x", email: alpha.users.owner.email, password: "x" }).toString(),
        }),
      );
      expect(res.status, path).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
    }
  });
});

describe("tenant users: brute force never locks the real user out (device cookies), CSRF checked first", () => {
  const PASSWORD = "right-password-1";

  async function signInAs(email: string, password: string, options: { ip: string; cookie?: string; csrf?: "missing" }) {
    const host = alpha.host;
    const csrfRes = await GET(new NextRequest("http://localhost:3000/api/auth/csrf", { headers: { host } }));
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const cookie = [
      ...csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]),
      ...(options.cookie ? [options.cookie] : []),
    ].join("; ");
    const response = await POST(
      new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        headers: {
          host,
          origin: `http://${host}`,
          cookie,
          "content-type": "application/x-www-form-urlencoded",
          "x-auth-return-redirect": "1",
          "x-forwarded-for": options.ip,
        },
        body: new URLSearchParams({
          csrfToken: options.csrf === "missing" ? "" : csrfToken,
          email,
          password,
          callbackUrl: "/",
        }).toString(),
      }),
    );
    const body = (await response.json().catch(() => ({}))) as { url?: string; error?: { code: string } };
    const device = response.headers.getSetCookie().find((c) => c.startsWith("repo.device="));
    return { status: response.status, url: body.url ?? "", code: body.error?.code, device: device?.split(";")[0] };
  }

  it("the owner's browser keeps signing in while an attacker is refused", async () => {
    const email = alpha.users.owner.email;
    await getTenantDb(alpha.tenant.id)
      .update(users)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(users.id, alpha.users.owner.id));
    const first = await signInAs(email, PASSWORD, { ip: "203.0.113.80" });
    expect(first.url).not.toContain("error=");
    expect(first.device).toBeDefined();

    const attempts = [];
    for (let i = 0; i < EMAIL_LIMIT + 3; i++)
      attempts.push(await signInAs(email, `guess-${i}`, { ip: `198.51.100.${100 + i}` }));
    expect(attempts.at(-1)!.status).toBe(429);
    expect((await signInAs(email, PASSWORD, { ip: "198.51.100.200" })).status).toBe(429); // untrusted: limited

    const again = await signInAs(email, PASSWORD, { ip: "203.0.113.80", cookie: first.device! });
    expect(again.status).toBe(200);
    expect(again.url).not.toContain("error=");
  });

  it("posts without the CSRF token are 403 and never counted", async () => {
    const victim = `csrf-${crypto.randomUUID()}@${alpha.tenant.slug}.test`;
    for (let i = 0; i < EMAIL_LIMIT + 5; i++) {
      const refused = await signInAs(victim, `guess-${i}`, { ip: `198.51.100.${150 + i}`, csrf: "missing" });
      expect(refused.status).toBe(403);
      expect(refused.code).toBe("csrf_invalid");
    }
    const counted = await signInAs(victim, "guess", { ip: "198.51.100.199" });
    expect(counted.status).toBe(200);
    expect(counted.url).toContain("error=CredentialsSignin");
  });
});
