// @repo/observability — structured JSON logs, request ids and the readiness probe, shared by
// both apps. Web-standard only (console, crypto.randomUUID, Response): safe in the proxies.
export { createLogger, LOG_LEVELS, type Logger, type LogLevel, type LogFields } from "./logger";
export { REQUEST_ID_HEADER, resolveRequestId, isValidRequestId } from "./request-id";
export { attachRequestId, observeProxy, withRequestIdOnErrors, type ProxyStage } from "./observe-proxy";
export {
  createReadinessProbe,
  livenessResponse,
  readinessResponse,
  type ReadinessCheck,
  type ReadinessReport,
} from "./readiness";
