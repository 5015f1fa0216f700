// Extra users for identity tests: any roles, optional password, optional inventory sessions.
import { hashPassword } from "@repo/auth/server";
import { sessions, userRoles, users } from "@repo/db/tenant";
import { type Tenant } from "@repo/tenancy";
import type { SeededUser } from "./test-platform";
import { getTenantDb } from "@/server/web-root";

export async function seedUser(
  tenant: Tenant,
  options: { roles: string[]; password?: string; email?: string },
): Promise<SeededUser> {
  const db = getTenantDb(tenant.id);
  const email =
    options.email ?? `${options.roles.join("-") || "nobody"}-${crypto.randomUUID().slice(0, 8)}@${tenant.slug}.test`;
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: `User ${email}`,
      passwordHash: options.password ? await hashPassword(options.password) : null,
    })
    .returning({ id: users.id });
  if (options.roles.length)
    await db.insert(userRoles).values(options.roles.map((roleKey) => ({ userId: user!.id, roleKey })));
  return { id: user!.id, email, roles: options.roles };
}

/** A session inventory row, as sign-in writes it. */
export async function recordSessionRow(
  tenant: Tenant,
  userId: string,
  sid: string,
  userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0",
): Promise<void> {
  await getTenantDb(tenant.id)
    .insert(sessions)
    .values({ sid, userId, expiresAt: new Date(Date.now() + 3_600_000), ip: "203.0.113.7", userAgent });
}
