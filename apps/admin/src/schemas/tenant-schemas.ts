// Input schemas for /api/v1/tenants*. Shared by the route handlers and the console forms.
import { z } from "zod";
import { plainTextSchema } from "@repo/auth/http";
import { TENANT_STATUSES } from "@repo/db/control-plane";
import { validateSlug } from "@repo/tenancy/host";

// The status list is the control-plane schema's own (one definition: @repo/db).
export { TENANT_STATUSES, type TenantStatus } from "@repo/db/control-plane";

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const listTenantsQuerySchema = pageQuerySchema.extend({
  q: plainTextSchema.trim().max(100).optional(),
  status: z.enum(TENANT_STATUSES).optional(),
});
export type ListTenantsQuery = z.infer<typeof listTenantsQuerySchema>;

/** Exactly the platform's slug rule (`validateSlug` from @repo/tenancy/host, edge-safe). */
export const tenantSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .superRefine((slug, ctx) => {
    const result = validateSlug(slug);
    if (!result.ok) ctx.addIssue({ code: "custom", message: result.message });
  });

export const createTenantSchema = z.object({
  slug: tenantSlugSchema,
  name: plainTextSchema.trim().min(1, "Name is required").max(120),
  server: plainTextSchema.trim().min(1).max(100).optional(),
});
export type CreateTenantInput = z.infer<typeof createTenantSchema>;

export const deleteTenantSchema = z.object({
  /** The console sends the slug the operator typed; when present it must match the slug. */
  confirm: z.string({ error: "Type the tenant's slug to confirm the deletion" }).optional(),
});
