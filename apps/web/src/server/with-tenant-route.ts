// Wraps an App Router route handler that touches tenant data: Origin check on state-changing
// methods (cross-subdomain CSRF), then auth's requireSession/requirePermission (cookie +
// Host tenant + revocation; never the proxy's `x-repo-*` headers), and the one JSON error
// shape. The proxy checks the same things first; this is the second line.
import type { Permission } from "@repo/auth/rbac";
import { ApiError } from "@repo/api-errors";
import { withRequestIdOnErrors } from "@repo/observability";
import { answerRouteError } from "./answer-route-error";
import { isSafeMethod, isSameOriginRequest } from "./origin-check";
import { readHost } from "./read-host";
import type { RouteAccess } from "./route-policy";
import { requirePermission, requireSession, type TenantSession } from "./tenant-session";

type RouteContext<P> = { params: Promise<P> };
type TenantRouteHandler<P> = (request: Request, ctx: { session: TenantSession; params: P }) => Promise<Response>;

export function withTenantRoute<P = Record<string, never>>(
  options: { permission?: Permission },
  handler: TenantRouteHandler<P>,
): ((request: Request, context: RouteContext<P>) => Promise<Response>) & { routeAccess: RouteAccess } {
  const routeAccess: RouteAccess = { isPublic: false, permission: options.permission ?? null };
  const route = withRequestIdOnErrors(async (request: Request, context: RouteContext<P>) => {
    try {
      const { method, headers } = request;
      if (
        !isSafeMethod(method) &&
        !isSameOriginRequest({ method, origin: headers.get("origin"), host: readHost(headers) })
      ) {
        throw new ApiError(
          "forbidden",
          "This request did not come from this workspace's own pages, so it was refused.",
        );
      }
      const session = options.permission
        ? await requirePermission(options.permission, request)
        : await requireSession(request);
      return await handler(request, { session, params: await context.params });
    } catch (error) {
      return answerRouteError(error, request);
    }
  });
  return Object.assign(route, { routeAccess });
}
