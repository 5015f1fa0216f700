// Builds an @upstash/redis client for the request path: no retries (a slow Redis must fail
// fast, not hang for ~12 s), and every request aborted after the time budget. Edge-safe: it
// uses the fetch-based (web-standard) build of the client.
import { Redis } from "@upstash/redis/cloudflare";

export type RevocationRedisOptions = { url: string; token: string; timeoutMs?: number };

/** A REST Redis client with `retry: false` and a per-request abort after `timeoutMs` (default 50). */
export function createRevocationRedis(options: RevocationRedisOptions): Redis {
  const timeoutMs = options.timeoutMs ?? 50;
  return new Redis({
    url: options.url,
    token: options.token,
    retry: false,
    enableTelemetry: false,
    signal: () => AbortSignal.timeout(timeoutMs + 20),
  });
}
