// The tenant Auth.js instance's two SSO touch points, kept out of build-auth.ts: which extra
// providers a tenant host offers, and the account decision for an IdP sign-in. Node.
import type { Provider } from "next-auth/providers";
import type { AuthContext } from "./build-auth";
import type { AuthUserRecord, TenantSsoHooks } from "./types";

/** Providers for this host; none for unknown/inactive tenants or when the lookup fails. */
export async function readSsoProviders(sso: TenantSsoHooks | undefined, ctx: AuthContext | null): Promise<Provider[]> {
  if (!sso || !ctx || ctx.tenant.status !== "active") return [];
  try {
    return await sso.providers(ctx.tenant);
  } catch (error) {
    // Password sign-in must keep working when the SSO settings can't be read.
    console.error("[@repo/auth] SSO providers unavailable:", error instanceof Error ? error.message : error);
    return [];
  }
}

export async function resolveSsoSignIn(
  sso: TenantSsoHooks | undefined,
  ctx: AuthContext | null,
  providerId: string,
  profile: unknown,
): Promise<{ ok: true; user: AuthUserRecord } | { ok: false; code: string }> {
  if (!sso || !ctx) return { ok: false, code: "sso_unavailable" };
  if (ctx.tenant.status !== "active") return { ok: false, code: "tenant_unavailable" };
  const claims = profile && typeof profile === "object" ? (profile as Record<string, unknown>) : {};
  return sso.resolveUser(ctx.tenant, { providerId, profile: claims });
}
