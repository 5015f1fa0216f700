import type { ControlPlaneDb } from "@repo/db/control-plane";
import type { TenantDb } from "@repo/db/tenant";
import type { Agent } from "undici";
import type { WebhookWorkerSettings } from "./worker-settings";

/** What the tasks share within one worker process. */
export type WorkerContext = {
  workerId: string;
  controlPlane: ControlPlaneDb;
  /** The composition root's door to tenant databases (the tenancy router in apps/worker). */
  getTenantDb: (tenantId: string) => TenantDb;
  settings: WebhookWorkerSettings;
  agent: Agent;
  log: (level: "info" | "warn" | "error", message: string, meta?: Record<string, unknown>) => void;
};
