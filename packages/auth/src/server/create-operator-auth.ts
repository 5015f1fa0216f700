// The operator-console Auth.js instance: operators from the control plane, one fixed context.
// Node (Next server). aud = tid = "admin"; its own cookie names (`repo-admin.*`).
import { buildAuthInstance, type AuthContext } from "./build-auth";
import { createSessionHelpers } from "./session-helpers";
import type { OperatorAuthDeps } from "./types";

/** The audience (and `tid`) of operator sessions. */
export const OPERATOR_AUDIENCE = "admin";

const ADMIN_CONTEXT: AuthContext = {
  tenant: { id: OPERATOR_AUDIENCE, slug: OPERATOR_AUDIENCE, name: "Operator console", status: "active" },
  audience: OPERATOR_AUDIENCE,
};

export function createOperatorAuth(deps: OperatorAuthDeps) {
  const allowed = deps.allowedHosts?.map((h) => h.toLowerCase());
  const resolveContext = async (host: string | null) =>
    host && (!allowed || allowed.includes(host.toLowerCase())) ? ADMIN_CONTEXT : null;
  const instance = buildAuthInstance({
    kind: "operator",
    deps,
    resolveContext,
    findUser: (_ctx, email) => deps.findOperatorByEmail(email),
    ...(deps.findOperatorById ? { findUserById: (_ctx: AuthContext, id: string) => deps.findOperatorById!(id) } : {}),
    async loadAccess(_ctx, user) {
      const operator = user.role !== undefined ? user : await deps.findOperatorById?.(user.id);
      if (!operator?.role) return { roles: [], permissions: [] };
      const full = operator as Parameters<NonNullable<OperatorAuthDeps["loadOperatorAccess"]>>[0];
      return deps.loadOperatorAccess ? deps.loadOperatorAccess(full) : { roles: [operator.role], permissions: [] };
    },
  });
  const helpers = createSessionHelpers(instance, resolveContext);
  const { auth, signIn, signOut } = instance.nextAuth;
  return {
    handlers: instance.handlers,
    signInGuard: instance.signInGuard,
    auth,
    signIn,
    signOut,
    ...helpers,
    getCookieName: async () => (await instance.runtime()).cookieName,
  };
}

export type OperatorAuth = ReturnType<typeof createOperatorAuth>;
