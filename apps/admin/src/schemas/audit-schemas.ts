// Input schema for GET /api/v1/audit (and the CSV export). Dates are ISO strings or YYYY-MM-DD.
import { z } from "zod";

const dateSchema = z
  .string()
  .trim()
  .refine((v) => !Number.isNaN(Date.parse(v)), "Use an ISO date, e.g. 2026-01-31")
  .transform((v) => new Date(v));

export const listAuditQuerySchema = z.object({
  tenant: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  cursor: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;
