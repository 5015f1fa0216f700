// Provides a real SMTP catcher (maildev) for dev and tests, so mail is really sent over SMTP and
// can be read in a browser (dev) or over its REST API (tests: `GET <MAILDEV_URL>/api/email`).
//   dev / E2E: SMTP_URL → maildev already on 127.0.0.1:1025 (web 1080) → start it there
//   vitest:    SMTP_URL (+ MAILDEV_URL) → a private maildev on free ports (never shares an inbox)
import { MailDev } from "maildev";
import { type ProvidedService } from "./ensure-postgres";
import { findFreePort, isPortOpen } from "./find-free-port";
import { ServicesError } from "./services-error";

export const DEV_SMTP_PORT = 1025;
export const DEV_MAILDEV_WEB_PORT = 1080;

export interface ProvidedMail extends ProvidedService {
  /** maildev's web UI + REST API origin, or null when an external SMTP server is used. */
  webUrl: string | null;
}

export interface MailEnv {
  smtpUrl: string | undefined;
  maildevUrl: string | undefined;
}

const reused = (url: string, webUrl: string | null): ProvidedMail => ({
  url,
  webUrl,
  startedDescription: null,
  stop: async () => {},
});

/** Dev and the E2E stack: the contract ports (SMTP 1025, web 1080), reused when already up. */
export async function ensureDevMaildev(existing: MailEnv): Promise<ProvidedMail> {
  if (existing.smtpUrl) return reused(existing.smtpUrl, existing.maildevUrl || null);
  const smtpUrl = `smtp://127.0.0.1:${DEV_SMTP_PORT}`;
  const webUrl = `http://127.0.0.1:${DEV_MAILDEV_WEB_PORT}`;
  if (await isPortOpen("127.0.0.1", DEV_SMTP_PORT)) {
    if (await isMaildevApi(webUrl)) return reused(smtpUrl, webUrl);
    throw new ServicesError(
      "maildev_start_failed",
      `Port ${DEV_SMTP_PORT} is busy but no maildev answers on ${webUrl}. Free the port or set SMTP_URL (and MAILDEV_URL).`,
    );
  }
  return startMaildev(DEV_SMTP_PORT, DEV_MAILDEV_WEB_PORT);
}

/** vitest: a private catcher on free ports, unless SMTP_URL (and MAILDEV_URL to read it) is given. */
export async function ensureTestMaildev(existing: MailEnv): Promise<ProvidedMail> {
  if (existing.smtpUrl) return reused(existing.smtpUrl, existing.maildevUrl || null);
  const [smtpPort, webPort] = [await findFreePort(), await findFreePort()];
  return startMaildev(smtpPort, webPort);
}

/** True when `webUrl` answers maildev's health check (v3 `/api/healthz`, v2 — e.g. Docker — `/healthz`). */
export async function isMaildevApi(webUrl: string): Promise<boolean> {
  for (const path of ["/api/healthz", "/healthz"]) {
    try {
      const response = await fetch(`${webUrl}${path}`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return true;
    } catch {
      // try the next path
    }
  }
  return false;
}

async function startMaildev(smtpPort: number, webPort: number): Promise<ProvidedMail> {
  const maildev = new MailDev({ smtp: smtpPort, web: webPort, ip: "127.0.0.1", webIp: "127.0.0.1", silent: true });
  try {
    await maildev.start();
  } catch (error) {
    throw new ServicesError(
      "maildev_start_failed",
      `maildev could not start on :${smtpPort}/:${webPort}: ${String(error)}`,
    );
  }
  return {
    url: `smtp://127.0.0.1:${smtpPort}`,
    webUrl: `http://127.0.0.1:${webPort}`,
    startedDescription: `maildev (SMTP :${smtpPort}, web :${webPort})`,
    stop: () => maildev.stop(),
  };
}
