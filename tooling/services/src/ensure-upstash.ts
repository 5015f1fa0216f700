// Provides an Upstash-REST endpoint: UPSTASH_REDIS_REST_URL/TOKEN if both are given, else the
// repo's bridge in front of the Redis we provide. Dev binds :8079 with a fixed token (the same
// as docker-compose's serverless-redis-http, so either one is reused); tests use a free port
// and a random token.
import { randomBytes } from "node:crypto";
import { type ProvidedService } from "./ensure-postgres";
import { isPortOpen } from "./find-free-port";
import { ServicesError } from "./services-error";
import { startUpstashBridge } from "./upstash-bridge";

export const DEV_UPSTASH_PORT = 8079;
export const DEV_UPSTASH_TOKEN = "local-dev-upstash-token";

export interface ProvidedUpstash extends ProvidedService {
  token: string;
}

export interface UpstashEnv {
  url: string | undefined;
  token: string | undefined;
}

export async function ensureDevUpstash(redisUrl: string, existing: UpstashEnv): Promise<ProvidedUpstash> {
  if (existing.url && existing.token) return reused(existing.url, existing.token);
  const url = `http://127.0.0.1:${DEV_UPSTASH_PORT}`;
  if (await isPortOpen("127.0.0.1", DEV_UPSTASH_PORT)) {
    if (await isUpstashEndpoint(url, DEV_UPSTASH_TOKEN)) return reused(url, DEV_UPSTASH_TOKEN);
    throw new ServicesError(
      "bridge_start_failed",
      `Port ${DEV_UPSTASH_PORT} is busy but does not answer as an Upstash REST endpoint with the dev token. ` +
        "Free the port or set UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN.",
    );
  }
  return startBridge(redisUrl, DEV_UPSTASH_TOKEN, DEV_UPSTASH_PORT);
}

export async function ensureTestUpstash(redisUrl: string, existing: UpstashEnv): Promise<ProvidedUpstash> {
  if (existing.url && existing.token) return reused(existing.url, existing.token);
  return startBridge(redisUrl, randomBytes(24).toString("base64url"), 0);
}

/** True when `url` answers an authenticated PING like Upstash does. */
export async function isUpstashEndpoint(url: string, token: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(["PING"]),
      signal: AbortSignal.timeout(2_000),
    });
    return response.ok && ((await response.json()) as { result?: unknown }).result === "PONG";
  } catch {
    return false;
  }
}

async function startBridge(redisUrl: string, token: string, port: number): Promise<ProvidedUpstash> {
  try {
    const bridge = await startUpstashBridge({ redisUrl, token, port });
    return { url: bridge.url, token, startedDescription: `Upstash-REST bridge on ${bridge.url}`, stop: bridge.close };
  } catch (error) {
    throw new ServicesError("bridge_start_failed", `The Upstash-REST bridge could not start: ${String(error)}`, {
      cause: error,
    });
  }
}

const reused = (url: string, token: string): ProvidedUpstash => ({
  url,
  token,
  startedDescription: null,
  stop: async () => {},
});
