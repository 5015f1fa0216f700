// Cookie tossing: a sibling subdomain (or a client) adds a second session cookie value. The real
// session must stay usable and must never be cleared because of the injected value.
import { describe, expect, it } from "vitest";
import { MAX_SESSION_COOKIE_CANDIDATES, authorizeRequest, readCookieValues } from "@repo/auth/gate";
import { GLOBEX, makeKeys, mintSession, nowSeconds } from "./fixtures";
import { COOKIE, gateOptions } from "./gate-fixtures";

const { keys } = await makeKeys();
const { keys: otherKeys } = await makeKeys();
const options = gateOptions(keys);
const valid = await mintSession(keys, { sub: "u-victim" });
const [h, p] = valid.split(".");
const forged = await mintSession(otherKeys, { sub: "u-attacker" });
const foreignTenant = await mintSession(keys, { sub: "u-attacker", tid: GLOBEX.id }, { audience: GLOBEX.id });
const expired = await mintSession(keys, { sub: "u-attacker" }, { now: nowSeconds() - 86_400, expiresIn: 60 });

const withCookie = (cookie: string) =>
  new Request("http://localhost:3000/api/projects", { headers: { host: "acme.example.com", cookie } });

describe("cookie tossing (adversarial Cookie headers)", () => {
  it.each([
    ["RFC pair trick from the issue", `z=1 ${COOKIE}=ATTACKER; ${COOKIE}=${valid}`],
    ["junk duplicate first", `${COOKIE}=ATTACKER; ${COOKIE}=${valid}`],
    ["empty duplicate first", `${COOKIE}=; ${COOKIE}=${valid}`],
    ["tampered signature first", `${COOKIE}=${h}.${p}.AAAA; ${COOKIE}=${valid}`],
    ["token signed by another key first", `${COOKIE}=${forged}; ${COOKIE}=${valid}`],
    ["another tenant's token first", `${COOKIE}=${foreignTenant}; ${COOKIE}=${valid}`],
    ["expired token first", `${COOKIE}=${expired}; ${COOKIE}=${valid}`],
    ["duplicate after the real one", `${COOKIE}=${valid}; ${COOKIE}=ATTACKER`],
    ["quoted junk and spacing", `a=b;${COOKIE}="x";  ${COOKIE}=${valid} ;c=d`],
  ])("%s: the real session is used and nothing is cleared", async (_name, cookie) => {
    const d = await authorizeRequest(withCookie(cookie), options);
    expect(d).toMatchObject({ type: "allow", claims: { sub: "u-victim" } });
    expect(d).not.toHaveProperty("clearCookie");
  });

  it("only junk values: 401, and with duplicates no cookie is cleared", async () => {
    const d = await authorizeRequest(withCookie(`${COOKIE}=ATTACKER; ${COOKIE}=${forged}`), options);
    expect(d).toMatchObject({ type: "deny", status: 401 });
    expect(d).not.toHaveProperty("clearCookie");
  });

  it("a single unusable value is still cleared (plain expired/garbage cookie)", async () => {
    const d = await authorizeRequest(withCookie(`${COOKIE}=ATTACKER`), options);
    expect(d).toMatchObject({ type: "deny", status: 401, clearCookie: { name: COOKIE, maxAge: 0 } });
  });

  it(`considers at most ${MAX_SESSION_COOKIE_CANDIDATES} values (a stuffed header can't make the gate verify hundreds)`, () => {
    const stuffed = Array.from({ length: 50 }, (_, i) => `${COOKIE}=junk${i}`).join("; ");
    expect(readCookieValues(`${stuffed}; ${COOKIE}=${valid}`, COOKIE)).toHaveLength(MAX_SESSION_COOKIE_CANDIDATES);
  });

  it("reads names exactly (no prefix/suffix confusion)", () => {
    expect(readCookieValues(`x${COOKIE}=a; ${COOKIE}x=b; ${COOKIE}=c`, COOKIE)).toEqual(["c"]);
    expect(readCookieValues(null, COOKIE)).toEqual([]);
  });
});
