// Identity settings from env (SMTP_URL, MAIL_FROM, INVITATION_TTL_DAYS, PASSWORD_RESET_*), the
// mailer and the password-reset limiter: built on first use, never at import. Node only.
// Production refuses to send without SMTP_URL and MAIL_FROM; dev and tests default to maildev.
import { loadAuthEnv } from "../env";
import { createSignInLimiter, type SignInLimiter } from "../server/sign-in-limiter";
import { getAuthSettings } from "../settings/index";
import { createMailer, type Mailer } from "./mail/mailer";

export type IdentitySettings = {
  smtpUrl: string;
  mailFrom: string;
  invitationTtlDays: number;
  /** Reset links live one hour (OWASP: short-lived). */
  passwordResetTtlMinutes: number;
  /** Links in mails use https when cookies are secure (production). */
  secureLinks: boolean;
};

let settings: IdentitySettings | undefined;
export function getIdentitySettings(): IdentitySettings {
  if (settings) return settings;
  const env = loadAuthEnv();
  if (env.NODE_ENV === "production" && (!env.SMTP_URL || !env.MAIL_FROM)) {
    throw new Error("[@repo/auth] SMTP_URL and MAIL_FROM are required in production (invitations, password resets)");
  }
  settings = {
    smtpUrl: env.SMTP_URL ?? "smtp://127.0.0.1:1025",
    mailFrom: env.MAIL_FROM ?? '"Platform" <no-reply@localhost>',
    invitationTtlDays: env.INVITATION_TTL_DAYS,
    passwordResetTtlMinutes: 60,
    secureLinks: getAuthSettings().secureCookies,
  };
  return settings;
}

let mailer: Mailer | undefined;
/** The process's mailer (SMTP_URL / MAIL_FROM). */
export function getMailer(): Mailer {
  if (!mailer) {
    const s = getIdentitySettings();
    mailer = createMailer({ smtpUrl: s.smtpUrl, from: s.mailFrom });
  }
  return mailer;
}

let resetLimiter: SignInLimiter | null | undefined;
/** Per (tenant, email) and (tenant, IP) limits on reset requests, 15-minute window; null without Redis. */
export function getPasswordResetLimiter(): SignInLimiter | null {
  if (resetLimiter === undefined) {
    const env = loadAuthEnv();
    const { upstash } = getAuthSettings();
    resetLimiter = upstash
      ? createSignInLimiter({
          upstash,
          ipLimit: env.PASSWORD_RESET_RATE_LIMIT_IP,
          emailLimit: env.PASSWORD_RESET_RATE_LIMIT_EMAIL,
          windowSeconds: 15 * 60,
          prefix: "rl:pwreset",
        })
      : null;
  }
  return resetLimiter;
}
