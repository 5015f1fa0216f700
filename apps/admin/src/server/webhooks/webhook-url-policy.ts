// Save-time URL policy from env: private/loopback/http URLs only with WEBHOOK_ALLOW_PRIVATE_URLS.
import type { WebhookUrlPolicy } from "@repo/webhooks/endpoints";
import { loadAdminEnv } from "../../env";

export function getWebhookUrlPolicy(): WebhookUrlPolicy {
  return { allowPrivate: loadAdminEnv().WEBHOOK_ALLOW_PRIVATE_URLS };
}
