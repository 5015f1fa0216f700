// Which tenant account an IdP identity signs in as — the whole linking policy in one pure
// function (the app performs the write it returns). Automatic linking by email is only safe
// when the IdP vouches for the address AND the tenant has verified that domain; anything else
// would let whoever controls an IdP account with a matching email take over a local account.
import { emailDomain } from "./sso-connection-schema";

export type ExternalIdentity = {
  /** `oidc:<issuer>` for a tenant connection, or the social provider id (`google`, `github`). */
  provider: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
};

export type AccountCandidate = { id: string; disabled: boolean };

export type SsoRefusalCode = "sso_email_unverified" | "sso_domain_not_allowed" | "account_disabled";

export type SsoAccountDecision<U extends AccountCandidate> =
  | { type: "existing"; user: U }
  | { type: "link"; user: U }
  | { type: "provision"; email: string }
  | { type: "refuse"; code: SsoRefusalCode };

/**
 * @param linked    the user already linked to (provider, subject), if any
 * @param byEmail   the user whose email equals the identity's email, if any
 * @param verifiedDomains the tenant's verified email domains (lowercase)
 */
export function decideSsoAccount<U extends AccountCandidate>(input: {
  identity: ExternalIdentity;
  linked: U | null;
  byEmail: U | null;
  verifiedDomains: readonly string[];
}): SsoAccountDecision<U> {
  const { identity, linked, byEmail, verifiedDomains } = input;
  if (linked)
    return linked.disabled ? { type: "refuse", code: "account_disabled" } : { type: "existing", user: linked };
  const email = identity.email?.trim().toLowerCase() ?? "";
  const domain = emailDomain(email);
  if (!email || !domain || identity.emailVerified !== true) return { type: "refuse", code: "sso_email_unverified" };
  if (!verifiedDomains.includes(domain)) return { type: "refuse", code: "sso_domain_not_allowed" };
  if (byEmail) return byEmail.disabled ? { type: "refuse", code: "account_disabled" } : { type: "link", user: byEmail };
  return { type: "provision", email };
}

/** True when password (and magic-link) sign-in must be refused for `email`: SSO is enforced for its domain. */
export function isEmailUnderEnforcedSso(
  connection: { enforced: boolean; domains: readonly string[] } | null,
  email: string,
): boolean {
  if (!connection?.enforced) return false;
  const domain = emailDomain(email.trim().toLowerCase());
  return domain !== null && connection.domains.includes(domain);
}
