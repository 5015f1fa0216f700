// Starts (or reuses) every local service the apps and tests need and returns their URLs as env.
// Dev: persisted Postgres on :54329, Redis on :6379, bridge on :8079 — shared across terminals.
// Test: throwaway Postgres ×2 (DATABASE_URL, DATABASE_URL_2), a private Redis, a bridge on a
// free port. Mail: maildev on SMTP :1025 / web :1080 in dev, a private one on free ports in tests.
// Variables already set in `sourceEnv` win; `stop()` tears down only what started here.
import { type ProvidedService, ensureDevPostgres, ensureTestPostgres } from "./ensure-postgres";
import { ensurePostgresOsUser } from "./ensure-postgres-os-user";
import { ensureDevMaildev, ensureTestMaildev } from "./ensure-maildev";
import { ensureDevRedis, ensureTestRedis } from "./ensure-redis";
import { ensureDevUpstash, ensureTestUpstash } from "./ensure-upstash";
import { findRepoRoot } from "./find-repo-root";

export type ServicesMode = "dev" | "test";

export const serviceEnvNames = [
  "DATABASE_URL",
  "DATABASE_URL_2",
  "REDIS_URL",
  "UPSTASH_REDIS_REST_URL",
  "UPSTASH_REDIS_REST_TOKEN",
  "SMTP_URL",
  "MAILDEV_URL",
] as const;

export type ServiceEnvName = (typeof serviceEnvNames)[number];
export type ServicesEnv = Partial<Record<ServiceEnvName, string>> &
  Record<Exclude<ServiceEnvName, "DATABASE_URL_2" | "MAILDEV_URL">, string>;

export interface RunningServices {
  env: ServicesEnv;
  /** Human-readable list of what this call started (empty when everything was reused). */
  started: string[];
  stop(): Promise<void>;
}

export async function startServices(
  mode: ServicesMode,
  sourceEnv: NodeJS.ProcessEnv = process.env,
): Promise<RunningServices> {
  const provided: ProvidedService[] = [];
  const track = <T extends ProvidedService>(service: T): T => (provided.push(service), service);
  const stop = async () => {
    await Promise.allSettled(provided.reverse().map((service) => service.stop()));
  };
  const upstashEnv = { url: sourceEnv.UPSTASH_REDIS_REST_URL, token: sourceEnv.UPSTASH_REDIS_REST_TOKEN };
  const mailEnv = { smtpUrl: sourceEnv.SMTP_URL, maildevUrl: sourceEnv.MAILDEV_URL };
  try {
    ensurePostgresOsUser();
    if (mode === "dev") {
      const [postgres, redis, mail] = await startAll([
        ensureDevPostgres(findRepoRoot(), sourceEnv.DATABASE_URL).then(track),
        ensureDevRedis(sourceEnv.REDIS_URL).then(track),
        ensureDevMaildev(mailEnv).then(track),
      ]);
      const upstash = track(await ensureDevUpstash(redis.url, upstashEnv));
      const env: ServicesEnv = {
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        UPSTASH_REDIS_REST_URL: upstash.url,
        UPSTASH_REDIS_REST_TOKEN: upstash.token,
        SMTP_URL: mail.url,
      };
      if (mail.webUrl) env.MAILDEV_URL = mail.webUrl;
      if (sourceEnv.DATABASE_URL_2) env.DATABASE_URL_2 = sourceEnv.DATABASE_URL_2;
      return { env, started: describeStarted(provided), stop };
    }
    const [postgres, postgres2, redis, mail] = await startAll([
      ensureTestPostgres(sourceEnv.DATABASE_URL).then(track),
      ensureTestPostgres(sourceEnv.DATABASE_URL_2).then(track),
      ensureTestRedis(sourceEnv.REDIS_URL).then(track),
      ensureTestMaildev(mailEnv).then(track),
    ]);
    const upstash = track(await ensureTestUpstash(redis.url, upstashEnv));
    const env: ServicesEnv = {
      DATABASE_URL: postgres.url,
      DATABASE_URL_2: postgres2.url,
      REDIS_URL: redis.url,
      UPSTASH_REDIS_REST_URL: upstash.url,
      UPSTASH_REDIS_REST_TOKEN: upstash.token,
      SMTP_URL: mail.url,
    };
    if (mail.webUrl) env.MAILDEV_URL = mail.webUrl;
    return { env, started: describeStarted(provided), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Like Promise.all, but waits for every start to settle so a failure never leaks a sibling. */
async function startAll<T extends readonly unknown[]>(starts: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(starts);
  const failure = settled.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

function describeStarted(provided: ProvidedService[]): string[] {
  return provided.flatMap((service) => (service.startedDescription ? [service.startedDescription] : []));
}
