// Reads the mail the app really sent from the E2E stack's SMTP catcher (maildev on :1080,
// REST `GET /api/email`). Bounded polling.
import { expect } from "@playwright/test";

const MAILDEV_URL = process.env.MAILDEV_URL ?? "http://127.0.0.1:1080";

type CaughtMail = { subject: string; text: string; html: string; to: { address: string }[] };

/** Waits (≤ 15 s) for a mail to `to` and returns the first link in its text starting with `prefix`. */
export async function waitForMailLink(to: string, prefix: string): Promise<{ subject: string; link: string }> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const all = (await (await fetch(`${MAILDEV_URL}/api/email`)).json()) as CaughtMail[];
        found = all.filter((mail) => mail.to.some((r) => r.address === to)).at(-1);
        return Boolean(found);
      },
      { timeout: 15_000, message: `a mail to ${to}` },
    )
    .toBe(true);
  const match = found!.text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\S+`));
  expect(match, `a link starting with ${prefix}`).toBeTruthy();
  return { subject: found!.subject, link: match![0] };
}
