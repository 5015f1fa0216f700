// Input schema for GET /api/v1/audit (and the CSV export). Dates are ISO strings or YYYY-MM-DD.
import { z } from "zod";
import { plainTextSchema } from "@repo/auth/http";

// Bounded to years 1970–9999: extreme but parseable dates (e.g. year -271821) would otherwise
// overflow Postgres' timestamp range or the end-of-day arithmetic and surface as a 500.
const MIN_DATE_MS = Date.UTC(1970, 0, 1);
const MAX_DATE_MS = Date.UTC(9999, 11, 31);
const dateSchema = z
  .string()
  .trim()
  .max(40)
  .refine((v) => {
    const ms = Date.parse(v);
    return !Number.isNaN(ms) && ms >= MIN_DATE_MS && ms <= MAX_DATE_MS;
  }, "Use an ISO date between 1970 and 9999, e.g. 2026-01-31")
  .transform((v) => new Date(v));

export const listAuditQuerySchema = z.object({
  tenant: plainTextSchema.trim().max(100).optional(),
  actor: plainTextSchema.trim().max(200).optional(),
  action: plainTextSchema.trim().max(100).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: plainTextSchema
    .trim()
    .regex(/^\d{1,15}$/, "Use the nextCursor value of the previous page")
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;
