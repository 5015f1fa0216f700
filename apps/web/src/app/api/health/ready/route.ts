// GET /api/health/ready — readiness: control plane, Redis and signing keys answer (200), or
// 503 naming the failing check. The result is cached ~1.5 s, so load balancers can poll it.
import { readinessResponse } from "@repo/observability";
import { checkReadiness } from "@/server/health/readiness-checks";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return readinessResponse(await checkReadiness());
}
