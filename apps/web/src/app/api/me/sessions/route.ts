import { listOwnSessions } from "@repo/auth/identity";
import { withTenantRoute } from "@/server/with-tenant-route";
import { getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

/** `GET /api/me/sessions` → `200 { sessions: [{ sid, device, ip, createdAt, lastUsedAt, expiresAt, isCurrent }] }`. */
export const GET = withTenantRoute({}, async (_request, { session }) =>
  Response.json(
    {
      sessions: await listOwnSessions(getTenantDb(session.tenant.id), {
        userId: session.user.id,
        currentSid: session.sessionId,
      }),
    },
    { headers: { "cache-control": "no-store" } },
  ),
);
