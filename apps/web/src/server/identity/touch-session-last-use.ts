// "Last used" for the session list (/account, GET /api/me/sessions), written at most once per
// session every 5 minutes per process and never awaited: the request path stays free of
// database writes. Node side of the proxy.
import { eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { sessions } from "@repo/db/tenant";
import { getTenantDb } from "@/server/web-root";

const TOUCH_INTERVAL_MS = 5 * 60_000;
const lastTouched = new LRUCache<string, number>({ max: 50_000 });

/** Records that the verified session `sid` of tenant `tid` was used now (throttled, fire and forget). */
export function touchSessionLastUse(claims: { tid: string; sid: string }): void {
  const key = `${claims.tid}:${claims.sid}`;
  const now = Date.now();
  if ((lastTouched.get(key) ?? 0) > now - TOUCH_INTERVAL_MS) return;
  lastTouched.set(key, now);
  getTenantDb(claims.tid)
    .update(sessions)
    .set({ lastUsedAt: new Date(now) })
    .where(eq(sessions.sid, claims.sid))
    .catch((error: unknown) => console.error("[web] session last-use update failed", error));
}
