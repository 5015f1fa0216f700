// Built-in roles are defined in code (by the app) and mirrored into every tenant database so
// role assignments can reference them. Upsert only: a key dropped from code keeps its row (and
// its assignments) until removed deliberately. A custom role using a built-in key is taken over.
import { createTenantDrizzle, roles } from "@repo/db/tenant";
import { sql as raw } from "drizzle-orm";
import { type Sql } from "postgres";
import { type BuiltinRoleInput } from "../types";

export async function syncBuiltinRoles(sql: Sql, builtinRoles: readonly BuiltinRoleInput[]): Promise<void> {
  if (builtinRoles.length === 0) return;
  await createTenantDrizzle(sql)
    .insert(roles)
    .values(
      builtinRoles.map((role) => ({
        key: role.key,
        name: role.name,
        description: role.description ?? null,
        permissions: [...role.permissions],
        builtin: true,
      })),
    )
    .onConflictDoUpdate({
      target: roles.key,
      set: {
        name: raw`excluded.name`,
        description: raw`excluded.description`,
        permissions: raw`excluded.permissions`,
        builtin: true,
        updatedAt: raw`now()`,
      },
    });
}
