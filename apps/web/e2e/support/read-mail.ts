// Reads the mail the app really sent from the E2E stack's SMTP catcher (maildev on :1080,
// REST `GET /api/email`). Bounded polling.
import { expect } from "@playwright/test";

const MAILDEV_URL = process.env.MAILDEV_URL ?? "http://127.0.0.1:1080";

type CaughtMail = { subject: string; text: string; html: string; to: { address: string }[] };

/** Waits (≤ 15 s) for a mail to `to` carrying a link that starts with `prefix`; returns the newest such link. */
export async function waitForMailLink(to: string, prefix: string): Promise<{ subject: string; link: string }> {
  const linkPattern = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\S+`);
  let found: { subject: string; link: string } | undefined;
  await expect
    .poll(
      async () => {
        const all = (await (await fetch(`${MAILDEV_URL}/api/email`)).json()) as CaughtMail[];
        // Earlier mails to the same address (an invitation before a reset) must not satisfy the wait.
        const mail = all.filter((m) => m.to.some((r) => r.address === to) && linkPattern.test(m.text)).at(-1);
        found = mail ? { subject: mail.subject, link: mail.text.match(linkPattern)![0] } : undefined;
        return Boolean(found);
      },
      { timeout: 15_000, message: `a mail to ${to} with a link starting with ${prefix}` },
    )
    .toBe(true);
  return found!;
}
