// Real Redis (through the repo's Upstash-REST bridge, set up by the global setup) plus
// "dead Redis" endpoints for fail-closed tests: a server that accepts and never answers, and
// a closed port. The shared Redis itself is never stopped.
import { createServer, type Server, type Socket } from "node:net";
import { Redis } from "@upstash/redis";
import { createRevocationRedis, createRevocationStore, type RedisRevocationStoreOptions } from "@repo/auth/revocation";

export function upstashEnv(): { url: string; token: string } {
  const url = process.env.UPSTASH_REDIS_REST_URL;
  const token = process.env.UPSTASH_REDIS_REST_TOKEN;
  if (!url || !token)
    throw new Error("UPSTASH_REDIS_REST_URL/TOKEN missing: run through the root vitest (global setup)");
  return { url, token };
}

export const testPrefix = () => `rv-test-${crypto.randomUUID().slice(0, 8)}`;

export function realStore(extra: Partial<RedisRevocationStoreOptions> = {}) {
  const prefix = testPrefix();
  const redis = createRevocationRedis({ ...upstashEnv(), timeoutMs: 2_000 });
  return { prefix, redis, store: createRevocationStore({ redis, prefix, timeoutMs: 2_000, ...extra }) };
}

/** Deletes every key under `prefix` (cleanup). */
export async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis({ ...upstashEnv(), retry: false });
  let cursor: string | number = "0";
  do {
    const [next, keys]: [string | number, string[]] = await redis.scan(cursor, { match: `${prefix}:*`, count: 500 });
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (String(cursor) !== "0");
}

/** A TCP server that accepts connections and never answers (a hung Redis REST endpoint). */
export async function startBlackHole(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A URL whose port refuses connections. */
export async function deadPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
