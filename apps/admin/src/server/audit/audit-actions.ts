// Every action the audit log records. One `as const` list so filters and the UI stay in sync.
export const AUDIT_ACTIONS = [
  "operator.sign_in",
  "operator.sign_out",
  "operator.create",
  "operator.update",
  "tenant.create",
  "tenant.suspend",
  "tenant.resume",
  "tenant.delete",
  "member.create",
  "member.update",
  "invitation.create",
  "role.create",
  "role.update",
  "role.delete",
  "revocation.create",
  "api_token.create",
  "api_token.revoke",
  "audit.export",
  "webhook.create",
  "webhook.delete",
  "webhook.retry",
  "webhook.disable",
  "webhook.enable",
  "sso.update",
  "sso.delete",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `rate_limited`: a sign-in refused by the brute-force limiter before the password was checked. */
export const AUDIT_OUTCOMES = ["success", "failure", "denied", "rate_limited"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
