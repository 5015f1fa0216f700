// Provides a real Redis for dev or tests, in this order of preference:
//   dev:   REDIS_URL → a Redis on 127.0.0.1:6379 → start redis-server on 6379
//   tests: REDIS_URL → start a private redis-server on a free port → a Redis on 6379
// Tests prefer a private server so they never touch (or depend on) dev data.
import { findFreePort, isPortOpen } from "./find-free-port";
import { type ProvidedService } from "./ensure-postgres";
import { ServicesError } from "./services-error";
import { isRedisServerInstalled, startRedisServer } from "./start-redis-server";

export const DEFAULT_REDIS_PORT = 6379;
const DEFAULT_REDIS_URL = `redis://127.0.0.1:${DEFAULT_REDIS_PORT}`;

const HOW_TO_GET_REDIS =
  "Redis is required but none is available: REDIS_URL is unset, nothing listens on 127.0.0.1:6379 " +
  "and `redis-server` is not installed. Install it once (README.md → Prerequisites):\n" +
  "  Debian/Ubuntu: sudo apt-get install -y redis-server\n" +
  "  macOS:         brew install redis\n" +
  "  Docker:        docker compose up -d redis serverless-redis-http\n" +
  "then run the command again, or set REDIS_URL to a Redis you already have.";

const reused = (url: string): ProvidedService => ({ url, startedDescription: null, stop: async () => {} });

export async function ensureDevRedis(existingUrl: string | undefined): Promise<ProvidedService> {
  if (existingUrl) return reused(existingUrl);
  if (await isPortOpen("127.0.0.1", DEFAULT_REDIS_PORT)) return reused(DEFAULT_REDIS_URL);
  if (!isRedisServerInstalled()) throw new ServicesError("redis_unavailable", HOW_TO_GET_REDIS);
  const server = await startRedisServer(DEFAULT_REDIS_PORT);
  return { ...server, startedDescription: `redis-server on :${DEFAULT_REDIS_PORT}` };
}

export async function ensureTestRedis(existingUrl: string | undefined): Promise<ProvidedService> {
  if (existingUrl) return reused(existingUrl);
  if (isRedisServerInstalled()) {
    const port = await findFreePort();
    const server = await startRedisServer(port);
    return { ...server, startedDescription: `redis-server on :${port} (private)` };
  }
  if (await isPortOpen("127.0.0.1", DEFAULT_REDIS_PORT)) return reused(DEFAULT_REDIS_URL);
  throw new ServicesError("redis_unavailable", HOW_TO_GET_REDIS);
}
