import { asc } from "drizzle-orm";
import { roles, userRoles, users, type TenantDb } from "@repo/db/tenant";

export type MemberView = {
  id: string;
  email: string;
  name: string;
  isDisabled: boolean;
  roles: { key: string; name: string }[];
};

/** Every user of the tenant with their role names. `db` from `getTenantDb(session.tenant.id)`. */
export async function listMembers(db: TenantDb): Promise<MemberView[]> {
  const [userRows, assignmentRows, roleRows] = await Promise.all([
    db
      .select({ id: users.id, email: users.email, name: users.name, disabled: users.disabled })
      .from(users)
      .orderBy(asc(users.email))
      .limit(1000),
    db.select({ userId: userRoles.userId, roleKey: userRoles.roleKey }).from(userRoles),
    db.select({ key: roles.key, name: roles.name }).from(roles),
  ]);
  const roleNames = new Map(roleRows.map((role) => [role.key, role.name]));
  const rolesByUser = new Map<string, { key: string; name: string }[]>();
  for (const { userId, roleKey } of assignmentRows) {
    const list = rolesByUser.get(userId) ?? [];
    list.push({ key: roleKey, name: roleNames.get(roleKey) ?? roleKey });
    rolesByUser.set(userId, list);
  }
  return userRows.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    isDisabled: user.disabled,
    roles: rolesByUser.get(user.id) ?? [],
  }));
}
