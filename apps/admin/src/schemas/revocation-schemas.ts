// Input schemas for /api/v1/revocations and /api/v1/tenants/:slug/sessions.
import { z } from "zod";
import { plainTextSchema } from "@repo/auth/http";
import { tenantSlugSchema } from "./tenant-schemas";

export const createRevocationSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("session"),
    tenant: tenantSlugSchema,
    sessionId: plainTextSchema.min(1).max(200),
    userId: z.uuid().optional(),
  }),
  z.object({ type: z.literal("user"), tenant: tenantSlugSchema, userId: z.uuid() }),
  z.object({ type: z.literal("tenant"), tenant: tenantSlugSchema }),
]);
export type CreateRevocationInput = z.infer<typeof createRevocationSchema>;

export const listRevocationsQuerySchema = z.object({ tenant: tenantSlugSchema });

export const listSessionsQuerySchema = z.object({
  userId: z.uuid().optional(),
  /** Include revoked/expired sessions (default: active only). */
  all: z.enum(["0", "1", "true", "false"]).optional(),
});
