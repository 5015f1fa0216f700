// The identity mails: invitation, password reset, sign-in link. Each names the tenant and links
// to its own host only (the caller builds `url` from the verified tenant slug, never a header).
import type { MailMessage } from "./mailer";
import { renderActionMail } from "./render-action-mail";

type Tenant = { name: string };

export function invitationMail(input: {
  to: string;
  tenant: Tenant;
  inviterName: string | null;
  url: string;
  expiresAt: Date;
}): MailMessage {
  const who = input.inviterName ? `${input.inviterName} has invited you` : "You have been invited";
  return renderActionMail({
    to: input.to,
    subject: `You're invited to join ${input.tenant.name}`,
    tenantName: input.tenant.name,
    heading: `Join ${input.tenant.name}`,
    paragraphs: [
      `${who} to join ${input.tenant.name}.`,
      `The invitation is valid until ${input.expiresAt.toUTCString()}.`,
    ],
    actionLabel: "Accept the invitation",
    url: input.url,
    footer: "If you weren't expecting this invitation, you can ignore this email.",
  });
}

export function passwordResetMail(input: {
  to: string;
  tenant: Tenant;
  url: string;
  validMinutes: number;
}): MailMessage {
  return renderActionMail({
    to: input.to,
    subject: `Reset your ${input.tenant.name} password`,
    tenantName: input.tenant.name,
    heading: `Reset your password for ${input.tenant.name}`,
    paragraphs: [
      `Someone asked to reset the password of your ${input.tenant.name} account.`,
      `The link works once, for ${input.validMinutes} minutes. Setting a new password signs you out everywhere else.`,
    ],
    actionLabel: "Choose a new password",
    url: input.url,
    footer: "If you didn't ask for this, ignore this email: your password stays as it is.",
  });
}

export function signInLinkMail(input: { to: string; tenant: Tenant; url: string }): MailMessage {
  return renderActionMail({
    to: input.to,
    subject: `Sign in to ${input.tenant.name}`,
    tenantName: input.tenant.name,
    heading: `Sign in to ${input.tenant.name}`,
    paragraphs: ["Use the button below to sign in. The link works once and expires soon."],
    actionLabel: "Sign in",
    url: input.url,
    footer: "If you didn't ask to sign in, ignore this email.",
  });
}
