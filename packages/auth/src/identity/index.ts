// @repo/auth/identity — the identity lifecycle inside a tenant, Node only: invitations, member
// role changes and removal (last-owner rule), password reset, own password and sessions, and
// mail over SMTP. Every operation takes the tenant's database (`getTenantDb(tenantId)`, with
// the tenant id from the verified session or the validated Host) and keeps its writes in ONE
// transaction, so an outbox row can be added next to them.
export { IDENTITY_ERRORS, IdentityError, type IdentityErrorCode } from "./identity-error";
export type { IdentityActor, IdentityTenant, InTransaction, LinkContext, TenantTx } from "./identity-types";
export {
  acceptInvitationSchema,
  changePasswordSchema,
  createInvitationSchema,
  emailSchema,
  forgotPasswordSchema,
  memberRolesSchema,
  newPasswordSchema,
  resetPasswordSchema,
  type AcceptInvitationInput,
  type CreateInvitationInput,
} from "./identity-schemas";
export { generateOneTimeToken, hashOneTimeToken, isOneTimeTokenShape } from "./one-time-token";
export { tenantOrigin } from "./tenant-origin";
export { createPasswordResetLimiter, loadIdentitySettings, type IdentitySettings } from "./load-identity-settings";
export { createMailer, type Mailer, type MailMessage, type MailerOptions } from "./mail/mailer";
export { invitationMail, passwordResetMail, signInLinkMail } from "./mail/identity-mails";
export { createInvitation, type CreateInvitationOptions } from "./invitations/create-invitation";
export { resendInvitation } from "./invitations/resend-invitation";
export { revokeInvitation } from "./invitations/revoke-invitation";
export { listInvitations } from "./invitations/list-invitations";
export { inspectInvitation, type InvitationPreview } from "./invitations/inspect-invitation";
export { acceptInvitation, type AcceptedInvitation } from "./invitations/accept-invitation";
export { invitationStatus, type InvitationStatus, type InvitationView } from "./invitations/invitation-view";
export { changeMemberRoles, changeMemberRolesInTx, type ChangeMemberRolesOptions } from "./members/change-member-roles";
export { removeMember, type RemovedMember } from "./members/remove-member";
export { requestPasswordReset } from "./password-reset/request-password-reset";
export { resetPassword } from "./password-reset/reset-password";
export { changeOwnPassword } from "./account/change-own-password";
export { endOwnSession } from "./account/end-own-session";
export { listOtherSessionIds, listOwnSessions, type OwnSessionView } from "./account/list-own-sessions";
export { describeUserAgent } from "./account/describe-user-agent";
export { createTenantEmailAdapter } from "./magic-link/create-tenant-email-adapter";
