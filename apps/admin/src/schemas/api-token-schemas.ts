// Input schemas for /api/v1/api-tokens.
import { z } from "zod";
import { plainTextSchema } from "@repo/auth/http";

export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const createApiTokenSchema = z.object({
  name: plainTextSchema.trim().min(1, "Name is required").max(100),
  scope: z.enum(API_TOKEN_SCOPES),
  /** Days until expiry (1–365; default ADMIN_API_TOKEN_DEFAULT_DAYS). Tokens always expire. */
  expiresInDays: z.coerce.number().int().min(1).max(365).optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ id: z.uuid("Not a valid token id") });
