// @repo/webhooks/worker — the delivery worker (graphile-worker on the control-plane database).
// Started by apps/worker; Node only.
export { startWebhookWorker, type StartWebhookWorkerOptions, type WebhookWorker } from "./start-webhook-worker";
export {
  DEFAULT_WORKER_SETTINGS,
  computeRetryDelayMs,
  type RetrySettings,
  type WebhookWorkerSettings,
} from "./worker-settings";
export { signWebhook } from "./sign-webhook";
export { createGuardedAgent, sendWebhook, type SendResult } from "./send-webhook";
