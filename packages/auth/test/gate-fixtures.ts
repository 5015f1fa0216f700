// Gate test setup: options for the acme/globex world, request builder.
import { definePolicy } from "@repo/auth/rbac";
import { parseTenantSlug } from "@repo/tenancy/host";
import type { GateOptions } from "@repo/auth/gate";
import type { RevocationStore } from "@repo/auth/revocation";
import type { KeySet } from "@repo/auth/token";
import { ISSUER, TENANTS } from "./fixtures";

export const ROOT_DOMAIN = "example.com";
export const COOKIE = "__Host-repo.session";

export const policy = definePolicy([
  { path: "/settings/*", permission: "tenant:manage" },
  { path: "/api/projects", methods: ["POST"], permission: "projects:write" },
  { path: "/api/projects/:id", methods: ["DELETE"], permission: "projects:delete" },
  { path: "/api/projects/*", permission: "projects:read" },
  { path: "/projects/*", permission: "projects:read" },
  { path: "/members/*", permission: "members:read" },
]);

export function gateOptions(
  keys: KeySet,
  revocation: RevocationStore | null = null,
  extra: Partial<GateOptions> = {},
): GateOptions {
  return {
    keys,
    issuer: ISSUER,
    rootDomain: ROOT_DOMAIN,
    parseTenantSlug,
    resolveTenant: (slug) => TENANTS.find((t) => t.slug === slug) ?? null,
    revocation,
    policy,
    cookieName: COOKIE,
    ...extra,
  };
}

export function request(
  path: string,
  init: { host?: string; token?: string; method?: string; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(init.headers);
  headers.set("host", init.host ?? `acme.${ROOT_DOMAIN}`);
  if (init.token !== undefined) headers.set("cookie", `theme=dark; ${COOKIE}=${init.token}; other=1`);
  return new Request(`http://localhost:3000${path}`, { method: init.method ?? "GET", headers });
}
