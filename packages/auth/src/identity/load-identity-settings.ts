// Identity settings from env (SMTP_URL, MAIL_FROM, INVITATION_TTL_DAYS, PASSWORD_RESET_*) and
// the password-reset limiter: factories, called once by each app's composition root (never at
// import). Node only. Production refuses to send without SMTP_URL and MAIL_FROM; dev and tests
// default to maildev. The mailer is `createMailer({ smtpUrl, from: mailFrom })`.
import { loadAuthEnv } from "../env";
import { createSignInLimiter, type SignInLimiter } from "../server/sign-in-limiter";
import type { AuthSettings } from "../settings/load-auth-settings";

export type IdentitySettings = {
  smtpUrl: string;
  mailFrom: string;
  invitationTtlDays: number;
  /** Reset links live one hour (OWASP: short-lived). */
  passwordResetTtlMinutes: number;
  /** Links in mails use https when cookies are secure (production). */
  secureLinks: boolean;
};

export function loadIdentitySettings(auth: AuthSettings): IdentitySettings {
  const env = loadAuthEnv();
  if (env.NODE_ENV === "production" && (!env.SMTP_URL || !env.MAIL_FROM)) {
    throw new Error("[@repo/auth] SMTP_URL and MAIL_FROM are required in production (invitations, password resets)");
  }
  return {
    smtpUrl: env.SMTP_URL ?? "smtp://127.0.0.1:1025",
    mailFrom: env.MAIL_FROM ?? '"Platform" <no-reply@localhost>',
    invitationTtlDays: env.INVITATION_TTL_DAYS,
    passwordResetTtlMinutes: 60,
    secureLinks: auth.secureCookies,
  };
}

/** Per (tenant, email) and (tenant, IP) limits on reset requests, 15-minute window; null without Redis. */
export function createPasswordResetLimiter(auth: AuthSettings): SignInLimiter | null {
  const env = loadAuthEnv();
  return auth.upstash
    ? createSignInLimiter({
        upstash: auth.upstash,
        ipLimit: env.PASSWORD_RESET_RATE_LIMIT_IP,
        emailLimit: env.PASSWORD_RESET_RATE_LIMIT_EMAIL,
        windowSeconds: 15 * 60,
        prefix: "rl:pwreset",
      })
    : null;
}
