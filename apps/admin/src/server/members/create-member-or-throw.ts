// Creates a tenant user with an initial password (given, or generated and returned ONCE) and
// role assignments, in one transaction: no half-created user without roles. The `member.created`
// event is appended in that same transaction.
import { hashPassword } from "@repo/auth/server";
import { userRoles, users, type TenantDb } from "@repo/db/tenant";
import { appendEvent, type EventActor } from "@repo/webhooks/events";
import type { CreateMemberInput } from "../../schemas/member-schemas";
import { ApiError } from "@repo/api-errors";
import { assertRolesExistOrThrow } from "./assert-roles-exist-or-throw";
import { generateInitialPassword } from "./generate-initial-password";
import { toMemberView, type MemberView } from "./member-view";

export async function createMemberOrThrow(
  db: TenantDb,
  input: CreateMemberInput,
  actor: EventActor,
): Promise<{ member: MemberView; initialPassword: string; passwordGenerated: boolean }> {
  const initialPassword = input.password ?? generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const roleKeys = [...new Set(input.roles)];
  try {
    const member = await db.transaction(async (tx) => {
      await assertRolesExistOrThrow(tx, roleKeys);
      const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).returning();
      if (!user) throw new Error("insert returned no row");
      if (roleKeys.length) await tx.insert(userRoles).values(roleKeys.map((roleKey) => ({ userId: user.id, roleKey })));
      const view = toMemberView(user, roleKeys);
      const { createdAt: _createdAt, ...member } = view;
      await appendEvent(tx, { type: "member.created", data: { member, actor } });
      return view;
    });
    return { member, initialPassword, passwordGenerated: input.password === undefined };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError("conflict", `A user with email ${input.email} already exists in this tenant.`, {
        fields: {
          email: ["Already in use"],
        },
      });
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
