// The Auth.js adapter methods the Email (Nodemailer) provider needs, over ONE tenant's database
// (the caller picks it by the request's validated Host). Tokens arrive already hashed by Auth.js
// and are deleted when used (single use). There is no sign-up by email: `createUser` refuses,
// and only existing, enabled accounts are ever looked up.
import { and, eq } from "drizzle-orm";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { users, verificationTokens, type TenantDb } from "@repo/db/tenant";

const toAdapterUser = (row: { id: string; email: string; name: string }): AdapterUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  emailVerified: null,
});

export function createTenantEmailAdapter(db: TenantDb): Adapter {
  const findById = async (id: string) => {
    const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return row && !row.disabled ? toAdapterUser(row) : null;
  };
  return {
    async createVerificationToken(token) {
      await db.insert(verificationTokens).values(token);
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      const [row] = await db
        .delete(verificationTokens)
        .where(and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.token, token)))
        .returning();
      return row ?? null;
    },
    async getUserByEmail(email) {
      const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
      return row && !row.disabled ? toAdapterUser(row) : null;
    },
    getUser: findById,
    // Auth.js marks the email verified after a link sign-in; accounts here need no flag.
    async updateUser(user) {
      const found = await findById(user.id);
      if (!found) throw new Error("account not found");
      return found;
    },
    async createUser() {
      throw new Error("sign-in links are for existing accounts only");
    },
    async getUserByAccount() {
      return null;
    },
    async linkAccount() {
      return undefined;
    },
  };
}
