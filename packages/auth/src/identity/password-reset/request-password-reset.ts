// Issues a password-reset link (OWASP Forgot Password): for an existing, enabled account only,
// but the CALLER answers the same way whether or not it exists and runs this off the response
// path, so neither the body nor the timing tells. Older unused links of the user stop working.
import { and, eq, isNull } from "drizzle-orm";
import { passwordResetTokens, users, type TenantDb } from "@repo/db/tenant";
import type { IdentityTenant, LinkContext } from "../identity-types";
import { passwordResetMail } from "../mail/identity-mails";
import type { Mailer } from "../mail/mailer";
import { generateOneTimeToken } from "../one-time-token";

/** True when a mail was sent (for logs/tests only: never expose it to the requester). */
export async function requestPasswordReset(
  db: TenantDb,
  options: { tenant: IdentityTenant; email: string; ttlMinutes: number; link: LinkContext; mailer: Mailer },
): Promise<boolean> {
  const [user] = await db
    .select({ id: users.id, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, options.email))
    .limit(1);
  if (!user || user.disabled) return false;
  const { token, tokenHash } = generateOneTimeToken();
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx
      .insert(passwordResetTokens)
      .values({ tokenHash, userId: user.id, expiresAt: new Date(now.getTime() + options.ttlMinutes * 60_000) });
  });
  const url = `${options.link.origin}/reset-password/${token}`;
  await options.mailer.send(
    passwordResetMail({ to: options.email, tenant: options.tenant, url, validMinutes: options.ttlMinutes }),
  );
  return true;
}
