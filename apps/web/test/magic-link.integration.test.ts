// Sign-in links through the real Auth.js route handler (Email/Nodemailer provider, adapter over
// the Host's tenant database), Postgres, Redis and SMTP (maildev). A GET of the link never
// consumes it (scanners); the confirm page's POST signs in once; other tenants' hosts can't use it.
import { describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined }),
}));

import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { GET as getMe } from "@/app/api/me/route";
import { createRouteCaller } from "./support/call-route";
import { linkIn, listMailTo, waitForMail } from "./support/read-mail";
import { seedUser } from "./support/seed-identity-users";
import { useTestPlatform, type SeededTenant } from "./support/test-platform";

const call = createRouteCaller(current);
let alpha: SeededTenant;
let beta: SeededTenant;
useTestPlatform((seeded) => ({ alpha, beta } = seeded));

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function askForLink(t: SeededTenant, email: string): Promise<Response> {
  const csrfRes = await GET(new NextRequest("http://localhost:3000/api/auth/csrf", { headers: { host: t.host } }));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  return POST(
    new NextRequest("http://localhost:3000/api/auth/signin/nodemailer", {
      method: "POST",
      headers: {
        host: t.host,
        origin: `http://${t.host}`,
        cookie: cookiesOf(csrfRes),
        "content-type": "application/x-www-form-urlencoded",
        "x-auth-return-redirect": "1",
      },
      body: new URLSearchParams({ csrfToken, email, callbackUrl: "/projects" }).toString(),
    }),
  );
}

/** What the confirm page's form does: POST the link's query to the email callback. */
const confirm = (t: SeededTenant, query: string) =>
  POST(
    new NextRequest(`http://localhost:3000/api/auth/callback/nodemailer?${query}`, {
      method: "POST",
      headers: { host: t.host, origin: `http://${t.host}` },
    }),
  );

describe("sign-in links", () => {
  it("mails a link to the tenant's confirm page; GETs don't consume it; the POST signs in once", async () => {
    const user = await seedUser(alpha.tenant, { roles: ["viewer"] });
    const asked = await askForLink(alpha, user.email);
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as { url: string }).url).toContain("verify-request");

    const mail = await waitForMail(user.email);
    expect(mail.subject).toContain("Alpha Inc");
    const link = linkIn(mail, `http://${alpha.host}/signin/email?`);
    const query = link.split("?")[1]!;
    expect(new URLSearchParams(query).get("callbackUrl")).toBe("/projects");

    // A scanner fetching the Auth.js callback by GET is sent to the confirm page; nothing is used up.
    const scanned = await GET(
      new NextRequest(`http://localhost:3000/api/auth/callback/nodemailer?${query}`, { headers: { host: alpha.host } }),
    );
    expect(scanned.status).toBe(303);
    expect(scanned.headers.get("location")).toBe(`/signin/email?${query}`);

    // Another tenant's host doesn't know the token (its own database).
    const foreign = await confirm(beta, query);
    expect(cookiesOf(foreign)).not.toMatch(/repo\.session=/);

    const signedIn = await confirm(alpha, query);
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe(`http://${alpha.host}/projects`);
    const session = cookiesOf(signedIn)
      .split("; ")
      .find((c) => /repo\.session=/.test(c))!;
    expect(session).toBeTruthy();
    const me = await call(getMe, { path: "/api/me", host: alpha.host, cookie: session });
    expect(me.json).toMatchObject({ user: { id: user.id, email: user.email }, roles: ["viewer"] });

    const reused = await confirm(alpha, query);
    expect(reused.headers.get("location")).toContain("error=Verification");
    expect(cookiesOf(reused)).not.toMatch(/repo\.session=ey/);
  });

  it("answers the same for unknown addresses and mails nothing; a tampered token or email fails", async () => {
    const unknown = `nobody-${crypto.randomUUID().slice(0, 8)}@alpha.test`;
    const asked = await askForLink(alpha, unknown);
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as { url: string }).url).toContain("verify-request");

    const user = await seedUser(alpha.tenant, { roles: ["viewer"] });
    await askForLink(alpha, user.email);
    const query = new URLSearchParams(
      linkIn(await waitForMail(user.email), `http://${alpha.host}/signin/email?`).split("?")[1]!,
    );
    expect(await listMailTo(unknown)).toEqual([]);

    const tampered = new URLSearchParams(query);
    tampered.set("token", `${query.get("token")!.slice(0, -2)}00`);
    const otherEmail = new URLSearchParams(query);
    otherEmail.set("email", alpha.users.owner.email);
    for (const bad of [tampered, otherEmail]) {
      const res = await confirm(alpha, bad.toString());
      expect(res.headers.get("location")).toContain("error=Verification");
    }
    // The genuine link still works after the failed attempts.
    expect((await confirm(alpha, query.toString())).headers.get("location")).toBe(`http://${alpha.host}/projects`);
  });
});
