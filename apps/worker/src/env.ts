// The worker's environment, validated once at startup (tenancy reads DATABASE_URL and the
// TENANT_* pool settings itself). A bad variable stops the process with one line naming it.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const booleanString = z.enum(["true", "false"]).transform((v) => v === "true");

function parseWorkerEnv() {
  return createEnv({
    server: {
      DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
      /** Dev/tests/E2E only: allow http:// and private or loopback webhook URLs. */
      WEBHOOK_ALLOW_PRIVATE_URLS: booleanString.default(false),
      WEBHOOK_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
      WEBHOOK_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
      WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(14),
      WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(5_000),
      WEBHOOK_DISABLE_AFTER_MS: z.coerce
        .number()
        .int()
        .min(0)
        .default(3 * 24 * 3600_000),
      WEBHOOK_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      const names = [
        ...new Set(issues.map((i) => i.path?.map((p) => (typeof p === "object" ? p.key : p)).join(".") ?? "?")),
      ].join(", ");
      throw new Error(`Invalid or missing environment variable: ${names} (see .env.example)`);
    },
  });
}

export type WorkerEnv = ReturnType<typeof parseWorkerEnv>;

let cached: WorkerEnv | undefined;

/** The validated env (parsed once); throws one line naming every bad variable. */
export function loadWorkerEnv(): WorkerEnv {
  cached ??= parseWorkerEnv();
  return cached;
}
