// The URL rules for webhook endpoints, applied when an endpoint is saved AND again by the worker
// before each send (the DNS answer is checked at connect time, see worker/send-webhook.ts).
// Without `allowPrivate`: https only, no credentials, and a literal IP or `localhost` host must
// be public. `allowPrivate` (WEBHOOK_ALLOW_PRIVATE_URLS=true) is for dev, tests and the E2E stack.
import { isIP } from "node:net";
import { WebhookError } from "../endpoints/webhook-error";
import { isPublicAddress } from "./is-public-address";

export type WebhookUrlPolicy = { allowPrivate: boolean };

const MAX_URL_LENGTH = 2048;

/** The host of `url` as `net.connect` sees it (IPv6 literals without brackets). */
export function connectHostOf(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** Parses and checks a webhook URL; throws `WebhookError("invalid_webhook_url")` with a reason. */
export function parseWebhookUrlOrThrow(raw: string, policy: WebhookUrlPolicy): URL {
  const refuse = (reason: string): never => {
    throw new WebhookError("invalid_webhook_url", reason);
  };
  if (raw.length > MAX_URL_LENGTH) refuse(`The URL is longer than ${MAX_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse("Enter an absolute URL such as https://example.com/webhooks.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") refuse("Only https:// URLs can receive webhooks.");
  if (url.username || url.password) refuse("Put credentials in your receiver's configuration, not in the URL.");
  if (policy.allowPrivate) return url;
  if (url.protocol !== "https:") refuse("Webhook URLs must use https://.");
  const host = connectHostOf(url).toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) refuse("Webhook URLs must not point at this machine.");
  if (isIP(host) && !isPublicAddress(host))
    refuse("Webhook URLs must not point at a private, loopback or link-local address.");
  return url;
}
