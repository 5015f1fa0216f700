// The operator console's Auth.js instance (own cookie `repo-admin.*`, aud "admin"). Operators
// come from the control plane; JWS signing, server-side sign-out revocation and the brute-force
// limiter (`withSignInLimits`, in the auth route) are the same code as tenant sign-in.
import { eq } from "drizzle-orm";
import { createOperatorAuth } from "@repo/auth/server";
import { operators, type OperatorRow } from "@repo/db/control-plane";
import { appendAuditEntry } from "../audit/append-audit-entry";
import { getRevocationStore, getSettings } from "../admin-root";
import { getControlPlane } from "../control-plane";

function toAuthOperator(row: OperatorRow | undefined) {
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.passwordHash,
    disabled: row.disabled,
    role: row.role,
  };
}

export const operatorAuth = createOperatorAuth({
  settings: getSettings,
  // The console's one store (fail closed, the one Redis budget), shared with the proxy's checks.
  revocation: getRevocationStore,
  findOperatorByEmail: async (email) => {
    const [row] = await getControlPlane().select().from(operators).where(eq(operators.email, email.toLowerCase()));
    return toAuthOperator(row);
  },
  findOperatorById: async (id) => {
    const [row] = await getControlPlane().select().from(operators).where(eq(operators.id, id));
    return toAuthOperator(row);
  },
  onSignOut: async ({ userId, sid }) => {
    const [row] = await getControlPlane()
      .select({ email: operators.email })
      .from(operators)
      .where(eq(operators.id, userId));
    await appendAuditEntry({
      actorId: userId,
      actorEmail: row?.email ?? userId,
      via: "session",
      action: "operator.sign_out",
      outcome: "success",
      target: `session:${sid}`,
    });
  },
});
