// Input schemas for /api/v1/operators* and the `admin:create-operator` CLI (one definition).
import { z } from "zod";
import { plainTextSchema } from "@repo/auth/http";
import { OPERATOR_ROLES } from "@repo/db/control-plane";

export const operatorEmailSchema = plainTextSchema.trim().toLowerCase().pipe(z.email("Enter a valid email address"));
export const operatorPasswordSchema = z.string().min(12, "Use at least 12 characters").max(200);
export const operatorRoleSchema = z.enum(OPERATOR_ROLES, `Role must be one of: ${OPERATOR_ROLES.join(", ")}`);

export const createOperatorSchema = z.object({
  email: operatorEmailSchema,
  name: plainTextSchema.trim().min(1, "Name is required").max(120),
  /** Omit to have a strong password generated; either way it is returned once. */
  password: operatorPasswordSchema.optional(),
  role: operatorRoleSchema.default("support"),
});
export type CreateOperatorInput = z.infer<typeof createOperatorSchema>;

export const updateOperatorSchema = z
  .object({ role: operatorRoleSchema.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, "Send `role`, `disabled` or both");
export type UpdateOperatorInput = z.infer<typeof updateOperatorSchema>;

export const operatorIdSchema = z.uuid("Not a valid operator id");
