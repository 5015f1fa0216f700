import type { WebhookEndpointRow } from "@repo/db/control-plane";

/** An endpoint as the API shows it: never the secret. */
export type WebhookEndpointView = {
  id: string;
  url: string;
  events: string[];
  status: "enabled" | "disabled";
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null;
  createdAt: string;
};

export function toWebhookEndpointView(row: WebhookEndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    status: row.disabledAt ? "disabled" : "enabled",
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
