// Input schemas for /api/v1/tenants/:slug/members*.
import { z } from "zod";
import { plainTextSchema } from "@repo/auth/http";
import { DEFAULT_ROLE_KEY, roleKeySchema } from "@repo/auth/rbac";
import { pageQuerySchema } from "./tenant-schemas";

export const listMembersQuerySchema = pageQuerySchema.extend({
  q: plainTextSchema.trim().max(200).optional(),
});
export type ListMembersQuery = z.infer<typeof listMembersQuerySchema>;

const roleKeysSchema = z.array(roleKeySchema).max(20);

export const createMemberSchema = z.object({
  email: plainTextSchema.trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  name: plainTextSchema.trim().min(1, "Name is required").max(120),
  /** Omit to have a strong password generated; either way it is returned once. */
  password: z.string().min(12, "Use at least 12 characters").max(200).optional(),
  roles: roleKeysSchema.default([DEFAULT_ROLE_KEY]),
});
export type CreateMemberInput = z.infer<typeof createMemberSchema>;

export const updateMemberSchema = z
  .object({ roles: roleKeysSchema.optional(), disabled: z.boolean().optional() })
  .refine((v) => v.roles !== undefined || v.disabled !== undefined, "Send `roles`, `disabled` or both");
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

export const userIdSchema = z.uuid("Not a valid user id");
