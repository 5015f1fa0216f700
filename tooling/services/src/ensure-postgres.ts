// Provides a real Postgres for dev or tests: the given URL, else an embedded server.
// Dev: persisted under <repo>/.data/postgres on port 54329, reused if already running.
// Tests: a throwaway cluster in a temp dir on a free port, deleted by `stop()`.
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { findFreePort, isPortOpen } from "./find-free-port";
import { ServicesError } from "./services-error";
import { buildPostgresUrl, startEmbeddedPostgres } from "./start-embedded-postgres";

export const DEV_POSTGRES_PORT = 54329;

export interface ProvidedService {
  url: string;
  /** What `stop()` will tear down, or null when the service was reused (stop is a no-op). */
  startedDescription: string | null;
  stop(): Promise<void>;
}

const reused = (url: string): ProvidedService => ({ url, startedDescription: null, stop: async () => {} });

/** Dev Postgres: `existingUrl`, else the persisted embedded cluster under `.data/postgres`. */
export async function ensureDevPostgres(repoRoot: string, existingUrl: string | undefined): Promise<ProvidedService> {
  if (existingUrl) return reused(existingUrl);
  const url = buildPostgresUrl(DEV_POSTGRES_PORT);
  if (await isPortOpen("127.0.0.1", DEV_POSTGRES_PORT)) {
    // Another `pnpm services`/`pnpm dev` already runs the dev cluster: share it.
    await assertPostgresAnswers(url, DEV_POSTGRES_PORT);
    return reused(url);
  }
  const dataDir = join(repoRoot, ".data", "postgres");
  await mkdir(join(repoRoot, ".data"), { recursive: true, mode: 0o755 });
  const server = await startEmbeddedPostgres({ dataDir, port: DEV_POSTGRES_PORT, isPersistent: true });
  return { url, startedDescription: `embedded Postgres (${dataDir})`, stop: server.stop };
}

/** Test Postgres: `existingUrl`, else a fresh embedded cluster in a temp dir on a free port. */
export async function ensureTestPostgres(existingUrl: string | undefined): Promise<ProvidedService> {
  if (existingUrl) return reused(existingUrl);
  const parent = await mkdtemp(join(tmpdir(), "repo-pg-"));
  // mkdtemp makes the dir 0700; the `postgres` OS user (used when we are root) must traverse it.
  await chmod(parent, 0o755);
  const port = await findFreePort();
  try {
    const server = await startEmbeddedPostgres({
      dataDir: join(parent, "data"),
      port,
      isPersistent: false,
      isTuneForTests: true,
    });
    const stop = async () => {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    };
    return { url: server.url, startedDescription: `embedded Postgres on :${port} (temp)`, stop };
  } catch (error) {
    await rm(parent, { recursive: true, force: true });
    throw error;
  }
}

async function assertPostgresAnswers(url: string, port: number): Promise<void> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (error) {
    throw new ServicesError(
      "postgres_start_failed",
      `Port ${port} is taken by something that is not the dev Postgres (${String(error)}). Stop it or set DATABASE_URL.`,
      { cause: error },
    );
  } finally {
    await sql.end({ timeout: 1 });
  }
}
