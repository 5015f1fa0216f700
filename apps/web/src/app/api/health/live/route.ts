// GET /api/health/live — liveness: the process answers. Touches no dependency; public.
import { livenessResponse } from "@repo/observability";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return livenessResponse();
}
