import { afterAll, describe, expect, it } from "vitest";
import { authorizeRequest, decisionToResponse } from "@repo/auth/gate";
import { createRevocationRedis, createRevocationStore } from "@repo/auth/revocation";
import { signSessionToken, type SessionClaims } from "@repo/auth/token";
import { ACME, ISSUER, makeKeys, mintSession } from "./fixtures";
import { COOKIE, gateOptions, request } from "./gate-fixtures";
import { deletePrefix, realStore, startBlackHole } from "./redis-fixtures";

const { keys } = await makeKeys();
const { prefix, store } = realStore();
afterAll(() => deletePrefix(prefix));

describe("gate + revocation on real Redis", () => {
  it("revoked session and user: pages go to sign-in, API gets 401", async () => {
    const opts = gateOptions(keys, store);
    const s1 = await mintSession(keys, { sub: "u-rev-1" });
    expect((await authorizeRequest(request("/projects", { token: s1 }), opts)).type).toBe("allow");
    const sid = JSON.parse(atob(s1.split(".")[1]!.replaceAll("-", "+").replaceAll("_", "/"))).sid;
    await store.revokeSession(ACME.id, sid, Math.floor(Date.now() / 1000) + 3600);
    // The token is in the verified-token cache: revocation must still apply.
    expect(await authorizeRequest(request("/projects", { token: s1 }), opts)).toMatchObject({
      type: "redirect",
      reason: "revoked:session",
    });
    expect(await authorizeRequest(request("/api/projects", { token: s1 }), opts)).toMatchObject({ status: 401 });

    const s2 = await mintSession(keys, { sub: "u-rev-2" });
    await store.revokeUser(ACME.id, "u-rev-2");
    expect(await authorizeRequest(request("/projects", { token: s2 }), opts)).toMatchObject({ reason: "revoked:user" });
  });

  it("stale claims: refreshClaims re-issues the token, new permissions apply, caller sets the cookie", async () => {
    const opts0 = gateOptions(keys, store);
    const token = await mintSession(keys, {
      sub: "u-promoted",
      roles: ["viewer"],
      permissions: ["projects:read"],
      cat: Date.now() - 5_000,
    });
    expect(await authorizeRequest(request("/api/projects", { token, method: "POST" }), opts0)).toMatchObject({
      status: 403,
    });

    await store.markClaimsStale(ACME.id, "u-promoted"); // e.g. an admin made them a member
    const refreshed: SessionClaims[] = [];
    const opts = gateOptions(keys, store, {
      refreshClaims: async (claims) => {
        refreshed.push(claims);
        const { iss: _i, aud: _a, iat: _t, exp: _e, ...rest } = claims;
        return signSessionToken(
          { ...rest, roles: ["member"], permissions: ["projects:read", "projects:write"], cat: Date.now() },
          keys,
          {
            issuer: ISSUER,
            audience: claims.tid,
            expiresInSeconds: 3600,
          },
        );
      },
    });
    const d = await authorizeRequest(request("/api/projects", { token, method: "POST" }), opts);
    expect(d).toMatchObject({ type: "allow", setCookie: { name: COOKIE, httpOnly: true, sameSite: "lax" } });
    expect(refreshed).toHaveLength(1);
    if (d.type !== "allow") return;
    expect(d.claims?.sid).toBe(refreshed[0]!.sid); // same session: not signed out
    expect(d.requestHeaders().get("cookie")).toContain(`${COOKIE}=${d.setCookie!.value}`);
    // The new token is no longer stale.
    const again = await authorizeRequest(request("/api/projects", { token: d.setCookie!.value, method: "POST" }), opts);
    expect(again).toMatchObject({ type: "allow" });
    expect(again.type === "allow" && again.setCookie).toBeFalsy();
  });

  it("refreshClaims returning null (user disabled) sends the user to sign in", async () => {
    const token = await mintSession(keys, { sub: "u-gone", cat: Date.now() - 5_000 });
    await store.markClaimsStale(ACME.id, "u-gone");
    const d = await authorizeRequest(
      request("/projects", { token }),
      gateOptions(keys, store, { refreshClaims: async () => null }),
    );
    expect(d).toMatchObject({ type: "redirect", reason: "claims-refresh-failed" });
  });

  // Wall-clock bound: retried so a scheduler hiccup on a loaded CI machine is not a failure;
  // it must still pass within budget + 20 ms at least once.
  it("Redis hung: 503 within budget + 20 ms (fail closed), JSON error shape", { retry: 3 }, async () => {
    const hole = await startBlackHole();
    try {
      const dead = createRevocationStore({
        redis: createRevocationRedis({ url: hole.url, token: "x", timeoutMs: 50 }),
        timeoutMs: 50,
      });
      const opts = gateOptions(keys, dead);
      const token = await mintSession(keys);
      await authorizeRequest(request("/signin"), opts); // warm up option preparation
      const started = performance.now();
      const d = await authorizeRequest(request("/api/projects", { token }), opts);
      const elapsed = performance.now() - started;
      expect(d).toMatchObject({
        type: "deny",
        status: 503,
        code: "service_unavailable",
        reason: "revoked:unavailable",
      });
      expect(elapsed).toBeLessThan(50 + 20 + 15); // budget + 20 ms, plus one cold ES256 verify
      const res = decisionToResponse(d as never);
      expect(res.headers.get("retry-after")).toBe("1");
      expect(await res.json()).toMatchObject({ error: { code: "service_unavailable" } });

      const open = createRevocationStore({
        redis: createRevocationRedis({ url: hole.url, token: "x", timeoutMs: 50 }),
        timeoutMs: 50,
        failMode: "open",
      });
      expect(await authorizeRequest(request("/api/projects", { token }), gateOptions(keys, open))).toMatchObject({
        type: "allow",
        revocationError: "timeout",
      });
    } finally {
      await hole.close();
    }
  });
});
