// One call for every non-SSO sign-in path (password, magic link): is SSO enforced for this
// email's domain in this tenant? Refuse that path with a pointer to "Continue with SSO" when true.
import { isEmailUnderEnforcedSso } from "@repo/auth/sso";
import { loadSsoConnectionRow } from "./load-sso-connection";

/** True when `tenant`'s SSO connection is enforced and `email`'s domain is one of its verified domains. */
export async function isSsoEnforcedFor(tenant: { id: string }, email: string): Promise<boolean> {
  return isEmailUnderEnforcedSso(await loadSsoConnectionRow(tenant.id), email);
}
