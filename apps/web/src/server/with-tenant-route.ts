// Wraps an App Router route handler that touches tenant data: Origin check on state-changing
// methods (cross-subdomain CSRF), then auth's requireSession/requirePermission (cookie +
// Host tenant + revocation; never the proxy's `x-repo-*` headers), and the one JSON error
// shape. The proxy checks the same things first; this is the second line.
import type { Permission } from "@repo/auth/rbac";
import { AuthRequestError } from "@repo/auth/server";
import { REQUEST_ID_HEADER, withRequestIdOnErrors } from "@repo/observability";
import { isDatabaseUnavailable } from "@repo/tenancy";
import { ApiError, apiErrorResponse, toApiResponse } from "./api-error";
import { isSameOriginRequest } from "./origin-check";
import { getLogger } from "./logger";
import { readHost } from "./read-host";
import { requirePermission, requireSession, type TenantSession } from "./tenant-session";

type RouteContext<P> = { params: Promise<P> };
type TenantRouteHandler<P> = (request: Request, ctx: { session: TenantSession; params: P }) => Promise<Response>;

export function withTenantRoute<P = Record<string, never>>(
  options: { permission?: Permission },
  handler: TenantRouteHandler<P>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return withRequestIdOnErrors(async (request: Request, context: RouteContext<P>) => {
    try {
      const origin = request.headers.get("origin");
      if (!isSameOriginRequest({ method: request.method, origin, host: readHost(request.headers) })) {
        throw new ApiError(
          "forbidden",
          "This request did not come from this workspace's own pages, so it was refused.",
        );
      }
      const session = options.permission ? await requirePermission(options.permission) : await requireSession();
      return await handler(request, { session, params: await context.params });
    } catch (error) {
      if (error instanceof ApiError) return toApiResponse(error);
      if (error instanceof AuthRequestError) {
        return apiErrorResponse(error.code, error.message, {
          ...(error.status === 503 ? { headers: { "retry-after": "1" } } : {}),
        });
      }
      if (isDatabaseUnavailable(error)) {
        getLogger().error("database unavailable", { requestId: request.headers.get(REQUEST_ID_HEADER), error });
        return apiErrorResponse(
          "service_unavailable",
          "This workspace's data can't be reached right now. Try again in a moment.",
          {
            headers: { "retry-after": "5" },
          },
        );
      }
      getLogger().error("route handler failed", { requestId: request.headers.get(REQUEST_ID_HEADER), error });
      return apiErrorResponse("internal", "Something went wrong on our side. Try again in a moment.");
    }
  });
}
