// Errors of the identity lifecycle (invitations, members, password reset). Callers branch on
// `code` (stable, lower_snake_case); `status` is the HTTP status an API answers with; `message`
// says what happened and what to do. An IdentityError is an ApiError: apps answer it as it is.
import { ApiError } from "@repo/api-errors";

export const IDENTITY_ERRORS = {
  invalid_token: { status: 404, message: "This link is not valid. Ask for a new one." },
  invitation_expired: { status: 409, message: "This invitation has expired. Ask an owner or admin to send a new one." },
  invitation_accepted: { status: 409, message: "This invitation has already been accepted. Sign in instead." },
  invitation_revoked: { status: 409, message: "This invitation was withdrawn. Ask an owner or admin for a new one." },
  invitation_not_found: { status: 404, message: "No invitation with this id exists in this workspace." },
  invitation_not_pending: { status: 409, message: "Only pending invitations can be resent or withdrawn." },
  invitation_pending: { status: 409, message: "This person already has a pending invitation. Resend it instead." },
  unknown_role: { status: 400, message: "One of the roles does not exist in this workspace." },
  role_not_grantable: { status: 403, message: "You can't grant a role with permissions you don't have yourself." },
  invalid_credentials: { status: 401, message: "That password is not right for this account." },
  account_disabled: { status: 403, message: "This account is disabled. Ask an owner or admin." },
  reset_token_expired: { status: 409, message: "This reset link has expired. Ask for a new one." },
  reset_token_used: { status: 409, message: "This reset link has already been used. Ask for a new one." },
  member_not_found: { status: 404, message: "No member with this id exists in this workspace." },
  session_not_found: { status: 404, message: "No session of yours has this id (it may have ended already)." },
  last_owner: { status: 409, message: "A workspace needs at least one owner. Make someone else an owner first." },
  mail_unavailable: { status: 503, message: "We couldn't send the email right now. Try again in a moment." },
} as const satisfies Record<string, { status: number; message: string }>;

export type IdentityErrorCode = keyof typeof IDENTITY_ERRORS;

export class IdentityError extends ApiError {
  declare readonly code: IdentityErrorCode;
  constructor(code: IdentityErrorCode, message?: string) {
    super(code, message ?? IDENTITY_ERRORS[code].message, { status: IDENTITY_ERRORS[code].status });
  }
}
