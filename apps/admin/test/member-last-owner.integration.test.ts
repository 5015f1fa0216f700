// The console's member-role change applies the tenant app's last-owner rule (one implementation:
// @repo/auth/identity's `changeMemberRolesInTx`): an operator can't demote a tenant's only owner
// (409, nothing changed), can once another owner exists, and unknown roles stay a 400 with fields.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpAdminTestEnv, randomSuffix, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
import { signOperatorCookie } from "./support/sign-operator-cookie";

let env: AdminTestEnv;
let routes: Awaited<ReturnType<typeof loadRoutes>>;
let owner: Record<string, string>;
const slug = `lo-${randomSuffix()}`;

async function loadRoutes() {
  return {
    tenants: await import("../src/app/api/v1/tenants/route"),
    members: await import("../src/app/api/v1/tenants/[slug]/members/route"),
    member: await import("../src/app/api/v1/tenants/[slug]/members/[userId]/route"),
  };
}

async function createMember(email: string, roles: string[]): Promise<string> {
  const res = await callRoute(routes.members.POST, "POST", `/api/v1/tenants/${slug}/members`, {
    headers: owner,
    params: { slug },
    body: { email, name: email.split("@")[0], roles },
  });
  expect(res.status).toBe(201);
  return res.body.member.id as string;
}

function setRoles(userId: string, roles: string[]) {
  return callRoute(routes.member.PATCH, "PATCH", `/api/v1/tenants/${slug}/members/${userId}`, {
    headers: owner,
    params: { slug, userId },
    body: { roles },
  });
}

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  routes = await loadRoutes();
  owner = { cookie: await signOperatorCookie(env.ownerId, "owner"), origin: "http://localhost:3001" };
  const created = await callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
    headers: owner,
    body: { slug, name: "Last Owner Co" },
  });
  expect(created.status).toBe(201);
}, 60_000);

afterAll(async () => {
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

describe("member role change in the console: the last-owner rule", () => {
  it("refuses to demote (or strip) the only owner, with the tenant app's code and message", async () => {
    const first = await createMember("first-owner@lo.test", ["owner"]);
    for (const roles of [["admin"], []]) {
      const res = await setRoles(first, roles);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: "conflict",
        message: expect.stringContaining("at least one owner"),
      });
    }
    const member = await callRoute(routes.member.GET, "GET", `/api/v1/tenants/${slug}/members/${first}`, {
      headers: owner,
      params: { slug, userId: first },
    });
    expect(member.body.member.roles).toEqual(["owner"]);
  });

  it("allows it once another owner exists; then the other one is the last", async () => {
    const a = await createMember("owner-a@lo.test", ["owner"]);
    const b = await createMember("owner-b@lo.test", ["owner"]);
    // Three owners now (with the first test's): demote two, the third stays.
    const first = (
      await callRoute(routes.members.GET, "GET", `/api/v1/tenants/${slug}/members`, {
        headers: owner,
        params: { slug },
      })
    ).body.members.find((m: { email: string }) => m.email === "first-owner@lo.test").id as string;
    expect((await setRoles(first, ["member"])).status).toBe(200);
    const demoted = await setRoles(a, ["admin", "admin"]);
    expect(demoted.status).toBe(200);
    expect(demoted.body.member.roles).toEqual(["admin"]);
    expect((await setRoles(b, ["viewer"])).status).toBe(409);
  });

  it("a non-owner's roles may be emptied; an unknown role is a 400 naming the field", async () => {
    const plain = await createMember("plain@lo.test", ["member"]);
    const emptied = await setRoles(plain, []);
    expect(emptied.status).toBe(200);
    expect(emptied.body.member.roles).toEqual([]);
    const unknown = await setRoles(plain, ["ghost"]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.roles).toEqual([expect.stringContaining("ghost")]);
  });
});
