// The ONE OAuth callback for every tenant: Auth.js's redirect proxy, served on the reserved
// host (`auth.<ROOT_DOMAIN>`). Node (Next route handler). The IdP redirects here with
// `code` + `state`; Auth.js decrypts the state (sealed with the tenant app's Auth.js secret when
// the tenant host started the sign-in) and answers with a redirect to the tenant host's own
// callback, where the state cookie, PKCE verifier and nonce live and the session is made.
// This wrapper fails closed: the only response it lets out is a redirect to
// `<proto>://<active tenant host>/api/auth/callback/<same provider>`; anything else (tampered,
// expired or missing state, a foreign or inactive target) is a 400 page, never a redirect.
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { noAccountAdapter } from "../server/no-account-adapter";

export type RedirectProxyOptions = {
  /** The tenant app's Auth.js secret (the state is encrypted with it). */
  secret: () => Promise<string>;
  /** Origin of the proxy host, e.g. `http://auth.localhost:3000`. */
  proxyOrigin: string;
  /** Provider ids that may call back (`sso`, `google`, …). */
  providerIds: () => readonly string[];
  /** True when `host` names a known, active tenant (the only allowed destinations). */
  isActiveTenantHost: (host: string) => Promise<boolean>;
};

const CALLBACK_PATH = /^\/api\/auth\/callback\/([a-z0-9-]{1,32})$/;

export function createRedirectProxy(options: RedirectProxyOptions) {
  const proxyOrigin = new URL(options.proxyOrigin).origin;
  const redirectProxyUrl = `${proxyOrigin}/api/auth`;

  const nextAuth = NextAuth(async () => ({
    secret: await options.secret(),
    trustHost: true,
    redirectProxyUrl,
    session: { strategy: "jwt" },
    // Nobody signs in on this host; the tenant app's process also configures sign-in links,
    // after which Auth.js refuses any configuration without an adapter.
    adapter: noAccountAdapter,
    // Stubs: on the proxy host a provider only needs its id and `redirectProxyUrl`; explicit
    // endpoints keep Auth.js from attempting discovery if the state is not one to forward.
    providers: options.providerIds().map((id) => ({
      id,
      name: id,
      type: "oidc" as const,
      issuer: "https://redirect-proxy.invalid",
      authorization: "https://redirect-proxy.invalid/authorize",
      token: "https://redirect-proxy.invalid/token",
      userinfo: "https://redirect-proxy.invalid/userinfo",
      clientId: "redirect-proxy",
      clientSecret: "redirect-proxy",
      redirectProxyUrl,
    })),
  }));

  /** GET `/api/auth/callback/:provider` on the proxy host; everything else there is 404. */
  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const providerId = CALLBACK_PATH.exec(url.pathname)?.[1];
    if (request.method !== "GET" || !providerId || !options.providerIds().includes(providerId)) {
      return refusal(404, "not_found", "There is nothing to see on this address.");
    }
    const onProxyHost = new NextRequest(`${proxyOrigin}${url.pathname}${url.search}`, { headers: request.headers });
    let response: Response;
    try {
      response = await nextAuth.handlers.GET(onProxyHost);
    } catch {
      return refusal(400, "invalid_sso_state", "This sign-in link is invalid or has expired.");
    }
    const target = await readForwardTarget(response, providerId);
    if (!target) return refusal(400, "invalid_sso_state", "This sign-in link is invalid or has expired.");
    // No cookies from the proxy host: it keeps no state of its own.
    return new Response(null, {
      status: 302,
      headers: { location: target, "cache-control": "no-store", "referrer-policy": "no-referrer" },
    });
  }

  async function readForwardTarget(response: Response, providerId: string): Promise<string | null> {
    const location = response.headers.get("location");
    if (response.status < 300 || response.status > 399 || !location) return null;
    let target: URL;
    try {
      target = new URL(location);
    } catch {
      return null;
    }
    if (target.protocol !== new URL(proxyOrigin).protocol) return null;
    if (target.origin === proxyOrigin || target.username || target.password || target.hash) return null;
    if (target.pathname !== `/api/auth/callback/${providerId}`) return null;
    if (!(await options.isActiveTenantHost(target.host))) return null;
    return target.toString();
  }

  return { handle, redirectProxyUrl };
}

function refusal(status: number, code: string, message: string): Response {
  const text = `${message} Go back to your organisation's sign-in page and start again.`;
  const html = `<!doctype html><meta charset="utf-8"><title>Sign-in failed</title><body style="font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh"><div style="max-width:28rem;text-align:center"><h1>Sign-in failed</h1><p data-code="${code}">${text}</p></div>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
