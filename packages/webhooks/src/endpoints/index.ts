// @repo/webhooks/endpoints — managing a tenant's webhook endpoints and reading their delivery
// log (control-plane database). Used by the admin app's API and console. Node only.
export {
  createWebhookEndpoint,
  generateSigningSecret,
  type CreateWebhookEndpointInput,
} from "./create-webhook-endpoint";
export { listWebhookEndpoints, getWebhookEndpointOrThrow } from "./list-webhook-endpoints";
export { deleteWebhookEndpointOrThrow } from "./delete-webhook-endpoint";
export { enableWebhookEndpointOrThrow, type EnabledWebhookEndpoint } from "./enable-webhook-endpoint";
export { listWebhookDeliveries, type WebhookDeliveryView, type WebhookAttemptView } from "./list-webhook-deliveries";
export { retryWebhookDeliveryOrThrow } from "./retry-webhook-delivery";
export { readWorkerHealth, type WorkerHealth } from "./read-worker-health";
export { WebhookError, isWebhookError, WEBHOOK_ERROR_CODES, type WebhookErrorCode } from "./webhook-error";
export type { WebhookEndpointView } from "./webhook-endpoint-view";
export { parseWebhookUrlOrThrow, type WebhookUrlPolicy } from "../addresses/webhook-url";
