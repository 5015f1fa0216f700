// A webhook worker in its own process (the kill -9 test): reads its settings from argv JSON,
// prints "worker ready" once running.
import postgres from "postgres";
import { createTenantDrizzle } from "@repo/db/tenant";
import { startWebhookWorker } from "@repo/webhooks/worker";

const config = JSON.parse(process.argv[2] ?? "{}") as {
  controlPlaneUrl: string;
  tenantUrl: string;
  settings: Record<string, unknown>;
};
const tenantDb = createTenantDrizzle(postgres(config.tenantUrl, { max: 2, onnotice: () => {} }));
await startWebhookWorker({
  controlPlaneUrl: config.controlPlaneUrl,
  getTenantDb: () => tenantDb,
  settings: config.settings,
  workerId: "child-worker",
});
process.stdout.write("worker ready\n");
