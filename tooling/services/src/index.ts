// Public API of @repo/services: local Postgres/Redis/Upstash-REST for dev tools and tests.
export { startServices, serviceEnvNames, type RunningServices, type ServicesEnv, type ServicesMode } from "./start-services";
export { startUpstashBridge, encodeBase64Strings, type UpstashBridge, type UpstashBridgeOptions } from "./upstash-bridge";
export { ServicesError, type ServicesErrorCode } from "./services-error";
export { DEV_POSTGRES_PORT } from "./ensure-postgres";
export { DEV_UPSTASH_PORT, DEV_UPSTASH_TOKEN } from "./ensure-upstash";
export { assertParentsTraversableByOthers } from "./check-postgres-readable";
