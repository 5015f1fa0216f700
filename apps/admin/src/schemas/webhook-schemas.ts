import { EVENT_TYPES, type EventType } from "@repo/webhooks/events";
import { z } from "zod";

export const createWebhookSchema = z.object({
  url: z.string().trim().min(1, "Enter the URL that receives the webhooks").max(2048),
  events: z
    .array(z.enum(EVENT_TYPES as [EventType, ...EventType[]], { message: `One of: ${EVENT_TYPES.join(", ")}` }))
    .min(1, "Choose at least one event type")
    .max(EVENT_TYPES.length),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookIdSchema = z.uuid({ message: "Not a webhook id" });
export const deliveryIdSchema = z.uuid({ message: "Not a delivery id" });
export const listDeliveriesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
