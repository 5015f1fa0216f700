// Input schemas of the identity endpoints (zod). Emails are trimmed and lower-cased like sign-in.
import { z } from "zod";
import { isOneTimeTokenShape } from "./one-time-token";

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address"));

/** OWASP: at least 12 characters, long passphrases allowed, no composition rules. */
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters");

export const roleKeysSchema = z
  .array(z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "Unknown role"))
  .min(1, "Pick at least one role")
  .max(20);

export const oneTimeTokenSchema = z.string().refine(isOneTimeTokenShape, "This link is not valid");

export const createInvitationSchema = z.strictObject({ email: emailSchema, roles: roleKeysSchema });
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/** Accepting: the email comes from the invitation only (an `email` field is refused). */
export const acceptInvitationSchema = z.strictObject({
  token: oneTimeTokenSchema,
  name: z.string().trim().min(1).max(120).optional(),
  password: z.string().min(1).max(256),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const forgotPasswordSchema = z.strictObject({ email: emailSchema });

export const resetPasswordSchema = z.strictObject({ token: oneTimeTokenSchema, password: newPasswordSchema });

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: newPasswordSchema,
});

export const memberRolesSchema = z.strictObject({ roles: roleKeysSchema });
