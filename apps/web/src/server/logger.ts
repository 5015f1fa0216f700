// The web app's JSON logger (LOG_LEVEL from env), built once on first use.
import { createLogger, type Logger } from "@repo/observability";
import { getEnv } from "@/env";

let logger: Logger | undefined;

export function getLogger(): Logger {
  logger ??= createLogger({ service: "web", level: getEnv().LOG_LEVEL });
  return logger;
}
