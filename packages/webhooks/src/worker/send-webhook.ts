// One HTTP attempt, SSRF-safe. The URL rules are re-checked at send time, and the DNS answer is
// checked inside the connection's own lookup: the address we vetted is the address we connect
// to (no second resolution an attacker could rebind). Redirects are not followed.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { Agent, fetch } from "undici";
import { isPublicAddress } from "../addresses/is-public-address";
import { connectHostOf, parseWebhookUrlOrThrow } from "../addresses/webhook-url";
import { isWebhookError } from "../endpoints/webhook-error";

export type SendResult = { statusCode: number | null; error: string | null; durationMs: number };

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

class BlockedAddressError extends Error {
  readonly code = "blocked_address";
}

/** An undici Agent whose DNS lookup drops non-public addresses (unless private URLs are allowed). */
export function createGuardedAgent(options: { allowPrivate: boolean; timeoutMs: number }): Agent {
  const lookup = (hostname: string, lookupOptions: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = options.allowPrivate ? addresses : addresses.filter((a) => isPublicAddress(a.address));
      if (allowed.length === 0)
        return callback(new BlockedAddressError(`${hostname} resolves to a non-public address`), []);
      if (lookupOptions.all) return callback(null, allowed);
      const [first] = allowed as [LookupAddress];
      return callback(null, first.address, first.family);
    });
  };
  return new Agent({
    connect: { lookup: lookup as never, timeout: options.timeoutMs },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    keepAliveTimeout: 4_000,
  });
}

export async function sendWebhook(request: {
  url: string;
  body: string;
  headers: Record<string, string>;
  agent: Agent;
  allowPrivate: boolean;
  timeoutMs: number;
}): Promise<SendResult> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): SendResult => ({
    statusCode,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  let url: URL;
  try {
    url = parseWebhookUrlOrThrow(request.url, { allowPrivate: request.allowPrivate });
  } catch (error) {
    return done(null, isWebhookError(error) ? `invalid_url: ${error.message}` : "invalid_url");
  }
  // A literal IP never goes through DNS lookup, so it is judged here.
  const host = connectHostOf(url);
  if (!request.allowPrivate && isIP(host) && !isPublicAddress(host))
    return done(null, "blocked_address: not a public address");
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "repo-webhooks/1", ...request.headers },
      body: request.body,
      redirect: "manual",
      dispatcher: request.agent,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    return done(response.status, response.status >= 200 && response.status < 300 ? null : `http_${response.status}`);
  } catch (error) {
    return done(null, describeSendError(error));
  }
}

function describeSendError(error: unknown): string {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if (e instanceof BlockedAddressError) return `blocked_address: ${e.message}`;
    const name = (e as { name?: string }).name;
    if (
      name === "TimeoutError" ||
      name === "HeadersTimeoutError" ||
      name === "BodyTimeoutError" ||
      name === "ConnectTimeoutError"
    )
      return "timeout";
    const code = (e as { code?: string }).code;
    if (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "ENOTFOUND" || code === "EAI_AGAIN")
      return `connection_error: ${code}`;
  }
  return "connection_error";
}
