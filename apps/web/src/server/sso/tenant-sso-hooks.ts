// What the tenant Auth.js instance needs for identity-provider sign-in (TenantSsoHooks).
import type { TenantSsoHooks } from "@repo/auth/server";
import { isSsoEnforcedFor } from "./is-sso-enforced-for";
import { buildSignInProviders } from "./list-sign-in-providers";
import { resolveSsoUser } from "./resolve-sso-user";

export const tenantSsoHooks: TenantSsoHooks = {
  providers: buildSignInProviders,
  resolveUser: resolveSsoUser,
  isPasswordSignInRefused: isSsoEnforcedFor,
};
