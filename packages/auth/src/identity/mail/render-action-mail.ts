// One layout for every identity mail: a plain-text part and an HTML part with the same words,
// the tenant's name in the subject and body, and one link on the tenant's own host.
import type { MailMessage } from "./mailer";

export type ActionMail = {
  to: string;
  subject: string;
  tenantName: string;
  heading: string;
  paragraphs: string[];
  actionLabel: string;
  url: string;
  footer: string;
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderActionMail(mail: ActionMail): MailMessage {
  const text = [
    mail.heading,
    "",
    ...mail.paragraphs.flatMap((p) => [p, ""]),
    `${mail.actionLabel}: ${mail.url}`,
    "",
    mail.footer,
    "",
    `— ${mail.tenantName}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:32rem;margin:2rem auto">
<h1 style="font-size:1.25rem">${escapeHtml(mail.heading)}</h1>
${mail.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p><a href="${escapeHtml(mail.url)}" style="display:inline-block;background:#0f172a;color:#fff;padding:.6rem 1rem;border-radius:.4rem;text-decoration:none">${escapeHtml(mail.actionLabel)}</a></p>
<p style="color:#475569;font-size:.875rem">Or paste this link into your browser: ${escapeHtml(mail.url)}</p>
<p style="color:#475569;font-size:.875rem">${escapeHtml(mail.footer)}</p>
<p style="color:#475569;font-size:.875rem">— ${escapeHtml(mail.tenantName)}</p>
</body></html>`;
  return { to: mail.to, subject: mail.subject, text, html };
}
