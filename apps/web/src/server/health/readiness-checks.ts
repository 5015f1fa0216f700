// What the web app needs to serve requests; `/api/health/ready` runs these (cached ~1.5 s).
// Add a dependency with one more entry.
import { createRevocationRedis } from "@repo/auth/revocation";
import { createReadinessProbe, type ReadinessCheck } from "@repo/observability";
import { sql } from "drizzle-orm";
import { getControlPlaneDb, getKeySet, getSettings } from "@/server/web-root";

const CHECK_TIMEOUT_MS = 1000;

export const readinessChecks: ReadinessCheck[] = [
  { name: "control_plane", run: async () => void (await getControlPlaneDb().execute(sql`select 1`)) },
  {
    name: "redis",
    run: async () => {
      const upstash = getSettings().upstash;
      if (!upstash) throw new Error("UPSTASH_REDIS_REST_URL/_TOKEN are not set");
      await createRevocationRedis({ ...upstash, timeoutMs: CHECK_TIMEOUT_MS }).ping();
    },
  },
  {
    name: "signing_keys",
    run: async () => {
      const keys = await getKeySet();
      if (keys.verifying.size === 0) throw new Error("no verification key");
    },
  },
];

export const checkReadiness = createReadinessProbe(readinessChecks, { cacheMs: 1500, timeoutMs: CHECK_TIMEOUT_MS });
