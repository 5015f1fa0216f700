// Reads mail the app really sent, from the SMTP catcher's REST API (maildev, `GET /api/email`;
// URL from MAILDEV_URL, set by the global setup / E2E stack). Bounded polling, no sleeps in tests.
export type CaughtMail = {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  from: { address: string; name?: string }[];
};

const mailApi = () => {
  const url = process.env.MAILDEV_URL;
  if (!url) throw new Error("MAILDEV_URL missing: run through the root vitest config (global setup).");
  return url;
};

/** Every caught mail addressed to `to`, oldest first. */
export async function listMailTo(to: string): Promise<CaughtMail[]> {
  const response = await fetch(`${mailApi()}/api/email`, { signal: AbortSignal.timeout(5_000) });
  const all = (await response.json()) as CaughtMail[];
  return all.filter((mail) => mail.to.some((r) => r.address.toLowerCase() === to.toLowerCase()));
}

/** Waits (≤ `timeoutMs`) until `count` mails to `to` arrived; returns the newest. */
export async function waitForMail(
  to: string,
  options: { count?: number; timeoutMs?: number } = {},
): Promise<CaughtMail> {
  const count = options.count ?? 1;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const mails = await listMailTo(to);
    if (mails.length >= count) return mails.at(-1)!;
    if (Date.now() > deadline)
      throw new Error(`no mail #${count} to ${to} within the time limit (have ${mails.length})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The first link in the mail's text part that starts with `prefix`. */
export function linkIn(mail: CaughtMail, prefix: string): string {
  const match = mail.text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s]+`));
  if (!match) throw new Error(`no link starting with ${prefix} in: ${mail.text}`);
  return match[0];
}
