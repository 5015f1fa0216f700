// Wraps a route handler that serves people who are NOT signed in on a tenant host (accepting an
// invitation, forgot/reset password): same-host Origin on state changes, the tenant from the
// validated Host (unknown → 404, suspended → 403), and the one JSON error shape.
import type { AuthTenant } from "@repo/auth/server";
import { ApiError } from "@repo/api-errors";
import { answerRouteError } from "../answer-route-error";
import { isSameOriginRequest } from "../origin-check";
import { readHost } from "../read-host";
import type { RouteAccess } from "../route-policy";
import { resolveTenantFromHost } from "../tenant-auth-deps";

type Handler = (request: Request, ctx: { tenant: AuthTenant }) => Promise<Response>;

export function withPublicTenantRoute(
  handler: Handler,
): ((request: Request) => Promise<Response>) & { routeAccess: RouteAccess } {
  const routeAccess: RouteAccess = { isPublic: true };
  const route = async (request: Request): Promise<Response> => {
    try {
      const host = readHost(request.headers);
      if (!isSameOriginRequest({ method: request.method, origin: request.headers.get("origin"), host })) {
        throw new ApiError(
          "forbidden",
          "This request did not come from this workspace's own pages, so it was refused.",
        );
      }
      const tenant = await resolveTenantFromHost(host);
      if (!tenant) throw new ApiError("not_found", "No organisation lives at this address. Check the URL.");
      if (tenant.status !== "active") throw new ApiError("tenant_suspended", "This workspace is suspended.");
      return await handler(request, { tenant });
    } catch (error) {
      return answerRouteError(error, request);
    }
  };
  return Object.assign(route, { routeAccess });
}
