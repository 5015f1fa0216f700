// Lists a tenant's users with their role keys, searchable by email/name, paginated.
import { asc, count, ilike, inArray, or } from "drizzle-orm";
import { userRoles, users, type TenantDb } from "@repo/db/tenant";
import type { ListMembersQuery } from "../../schemas/member-schemas";
import { toMemberView, type MemberView } from "./member-view";
import { escapeLike } from "../search/escape-like";

export async function listMembers(
  db: TenantDb,
  query: ListMembersQuery,
): Promise<{ members: MemberView[]; total: number }> {
  const where = query.q
    ? or(ilike(users.email, `%${escapeLike(query.q)}%`), ilike(users.name, `%${escapeLike(query.q)}%`))
    : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.email))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  const assignments = rows.length
    ? await db
        .select()
        .from(userRoles)
        .where(
          inArray(
            userRoles.userId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const rolesByUser = new Map<string, string[]>();
  for (const a of assignments) rolesByUser.set(a.userId, [...(rolesByUser.get(a.userId) ?? []), a.roleKey]);
  return { members: rows.map((u) => toMemberView(u, rolesByUser.get(u.id) ?? [])), total: totalRow?.n ?? 0 };
}
