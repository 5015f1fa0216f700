// user.signed_in / user.signed_out through the real Auth.js route handler (Postgres, Redis): a
// credentials sign-in writes its `sessions` row and its event in one tenant-DB transaction (the
// event's `session.id` is that row's sid, `method` says how), and sign-out its counterpart.
import { afterAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { outboxEvents } from "@repo/db/outbox";
import { sessions } from "@repo/db/tenant";
import { getTenantDb } from "@/server/web-root";
import { eq } from "drizzle-orm";
import { seedUser } from "./support/seed-identity-users";
import { useTestPlatform, type SeededTenant } from "./support/test-platform";

// argon2 and several Redis round trips per sign-in: 5 s is too tight on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });
vi.stubEnv("SIGNIN_RATE_LIMIT_PREFIX", `rl:signin:test-${crypto.randomUUID().slice(0, 8)}`);

let alpha: SeededTenant;
useTestPlatform((seeded) => ({ alpha } = seeded));
afterAll(() => vi.unstubAllEnvs());

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

async function csrf(cookie = ""): Promise<{ csrfToken: string; cookies: string[] }> {
  const res = await GET(
    new NextRequest("http://localhost:3000/api/auth/csrf", { headers: { host: alpha.host, cookie } }),
  );
  return { csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken, cookies: cookiesOf(res) };
}

function post(path: string, cookie: string, form: Record<string, string>): Promise<Response> {
  return POST(
    new NextRequest(`http://localhost:3000${path}`, {
      method: "POST",
      headers: {
        host: alpha.host,
        origin: `http://${alpha.host}`,
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        "user-agent": "events-test/1",
        "x-forwarded-for": "198.51.100.77",
      },
      body: new URLSearchParams(form).toString(),
    }),
  );
}

describe("sign-in and sign-out events", () => {
  it("a credentials sign-in appends user.signed_in with its session row; sign-out appends user.signed_out", async () => {
    const user = await seedUser(alpha.tenant, { roles: ["member"], password: "events-password-1" });
    const first = await csrf();
    const signedIn = await post("/api/auth/callback/credentials", first.cookies.join("; "), {
      csrfToken: first.csrfToken,
      email: user.email,
      password: "events-password-1",
    });
    expect(signedIn.status).toBe(302);
    const db = getTenantDb(alpha.tenant.id);
    const [row] = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row).toBeDefined();
    const byUser = async () =>
      (await db.select().from(outboxEvents).orderBy(outboxEvents.seq)).filter(
        (e) => (e.data as { user?: { id?: string } }).user?.id === user.id,
      );
    const [event] = await byUser();
    expect(event).toMatchObject({
      type: "user.signed_in",
      data: {
        user: { id: user.id, email: user.email },
        session: { id: row!.sid, expiresAt: row!.expiresAt.toISOString() },
        method: "credentials",
        userAgent: "events-test/1",
      },
    });
    // The event's time is the commit's, never before the session began.
    expect(event!.occurredAt.getTime()).toBeGreaterThanOrEqual(row!.createdAt.getTime());

    const session = [...first.cookies, ...cookiesOf(signedIn)].join("; ");
    const second = await csrf(session);
    const signedOut = await post("/api/auth/signout", [session, ...second.cookies].join("; "), {
      csrfToken: second.csrfToken,
    });
    expect(signedOut.status).toBe(302);
    expect((await byUser()).map((e) => [e.type, (e.data as { session: { id: string } }).session.id])).toEqual([
      ["user.signed_in", row!.sid],
      ["user.signed_out", row!.sid],
    ]);
  });
});
