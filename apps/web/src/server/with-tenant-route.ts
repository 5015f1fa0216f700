// Wraps an App Router route handler that touches tenant data: Origin check on state-changing
// methods, session re-verification (cookie + host tenant + revocation), permission, and the
// one JSON error shape. The proxy checks the same things first; this is the second line.
import { can, type Permission } from "@repo/auth/rbac";
import { ApiError, apiErrorResponse, toApiResponse } from "./api-error";
import { isSameOriginRequest } from "./origin-check";
import { readHost, verifyTenantSession, type TenantSession } from "./tenant-session";

type RouteContext<P> = { params: Promise<P> };
type TenantRouteHandler<P> = (request: Request, ctx: { session: TenantSession; params: P }) => Promise<Response>;

export function withTenantRoute<P = Record<string, never>>(
  options: { permission?: Permission },
  handler: TenantRouteHandler<P>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const origin = request.headers.get("origin");
      if (!isSameOriginRequest({ method: request.method, origin, host: readHost(request.headers) })) {
        throw new ApiError("forbidden", "This request did not come from this workspace's own pages, so it was refused.");
      }
      const session = await requireApiSession(request);
      if (options.permission && !can(session, options.permission)) {
        throw new ApiError("forbidden", "You don't have permission to do that. Ask an owner or admin for access.");
      }
      return await handler(request, { session, params: await context.params });
    } catch (error) {
      if (error instanceof ApiError) return toApiResponse(error);
      console.error("[web] route handler failed", error);
      return apiErrorResponse("internal", "Something went wrong on our side. Try again in a moment.");
    }
  };
}

/**
 * The verified session of `request` (its Host + Cookie; never `x-repo-*`), or an ApiError with
 * the right status (401/403/404/503).
 */
export async function requireApiSession(request: Request): Promise<TenantSession> {
  const result = await verifyTenantSession(request.headers);
  if (result.ok) return result.session;
  switch (result.failure) {
    case "tenant_not_found":
      throw new ApiError("not_found", "No organisation lives at this address. Check the URL.");
    case "tenant_suspended":
      throw new ApiError("tenant_suspended", "This workspace is suspended. Contact your administrator.");
    case "unavailable":
      throw new ApiError("service_unavailable", "We can't verify your session right now. Try again in a moment.", {
        headers: { "retry-after": "1" },
      });
    case "unauthenticated":
      throw new ApiError("unauthenticated", "Sign in to continue.");
  }
}
