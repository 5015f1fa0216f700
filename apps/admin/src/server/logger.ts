// The admin app's JSON logger (LOG_LEVEL from env), built once on first use.
import { createLogger, type Logger } from "@repo/observability";
import { loadAdminEnv } from "../env";

let logger: Logger | undefined;

export function getLogger(): Logger {
  logger ??= createLogger({ service: "admin", level: loadAdminEnv().LOG_LEVEL });
  return logger;
}
