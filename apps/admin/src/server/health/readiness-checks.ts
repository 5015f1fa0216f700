// What the admin app needs to serve requests; `/api/health/ready` runs these (cached ~1.5 s).
// Add a dependency with one more entry.
import { createRevocationRedis } from "@repo/auth/revocation";
import { createReadinessProbe, type ReadinessCheck } from "@repo/observability";
import { readWorkerHealth } from "@repo/webhooks/endpoints";
import { sql } from "drizzle-orm";
import { loadAdminEnv } from "../../env";
import { getControlPlane } from "../control-plane";
import { getKeySet } from "@/server/admin-root";

const CHECK_TIMEOUT_MS = 1000;

export const readinessChecks: ReadinessCheck[] = [
  { name: "control_plane", run: async () => void (await getControlPlane().execute(sql`select 1`)) },
  {
    name: "redis",
    run: async () => {
      const env = loadAdminEnv();
      const redis = createRevocationRedis({
        url: env.UPSTASH_REDIS_REST_URL,
        token: env.UPSTASH_REDIS_REST_TOKEN,
        timeoutMs: CHECK_TIMEOUT_MS,
      });
      await redis.ping();
    },
  },
  {
    // Some webhook worker wrote its heartbeat within 90 s (`pnpm start` / `pnpm dev` run one).
    // Not critical: the console serves requests without it (events wait in the outbox), so a
    // stopped worker shows as `degraded` instead of taking the console out of rotation.
    name: "webhook_worker",
    critical: false,
    run: async () => {
      const health = await readWorkerHealth(getControlPlane());
      if (!health.ok)
        throw new Error(
          health.lastSeenAt
            ? `last heartbeat ${Math.round((health.ageMs ?? 0) / 1000)} s ago`
            : "no worker has ever run",
        );
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
