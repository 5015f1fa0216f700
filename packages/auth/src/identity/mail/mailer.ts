// Sends mail over SMTP with nodemailer. Node only. Every wait is bounded (connect, greeting,
// socket), so a dead SMTP server costs seconds, not a hung request; failures throw
// IdentityError("mail_unavailable").
import nodemailer from "nodemailer";
import { IdentityError } from "../identity-error";

export type MailMessage = { to: string; subject: string; text: string; html: string };

export type Mailer = {
  send(message: MailMessage): Promise<void>;
};

export type MailerOptions = { smtpUrl: string; from: string; timeoutMs?: number };

export function createMailer(options: MailerOptions): Mailer {
  const timeout = options.timeoutMs ?? 10_000;
  // nodemailer's defaults wait up to minutes: bound every phase. (Its `url` option would replace
  // every other option, timeouts included, so the URL is taken apart here.)
  const url = new URL(options.smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 587),
    secure: url.protocol === "smtps:",
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(message) {
      try {
        await transport.sendMail({ ...message, from: options.from });
      } catch (error) {
        console.error("[identity] mail delivery failed:", error instanceof Error ? error.message : error);
        throw new IdentityError("mail_unavailable");
      }
    },
  };
}
