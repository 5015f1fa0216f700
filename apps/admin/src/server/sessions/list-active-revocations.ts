// Active revocations of a tenant (from Redis) with remaining TTL, plus the user's email where
// the entry is about a user (best effort: the tenant DB may be unavailable).
import { inArray } from "drizzle-orm";
import type { RevocationEntry } from "@repo/auth/revocation";
import { users } from "@repo/db/tenant";
import { openTenantDbOrThrow } from "../tenants/open-tenant-db-or-throw";
import type { TenantView } from "../tenants/tenant-view";
import { runRedisReadOrThrow } from "./run-redis-read-or-throw";
import { getRevocationStore } from "@/server/admin-root";

export type RevocationView = RevocationEntry & { sinceIso: string; email: string | null };

export async function listActiveRevocations(tenant: TenantView): Promise<RevocationView[]> {
  const entries = await runRedisReadOrThrow(() => getRevocationStore().listRevocations(tenant.id));
  const userIds = [...new Set(entries.filter((e) => e.type === "user" || e.type === "stale").map((e) => e.id))];
  const emails = new Map<string, string>();
  if (userIds.length) {
    try {
      const { db } = await openTenantDbOrThrow(tenant.slug);
      const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds));
      for (const r of rows) emails.set(r.id, r.email);
    } catch {
      // Emails are a convenience; the list itself comes from Redis.
    }
  }
  return entries
    .map((e) => ({ ...e, sinceIso: new Date(e.since).toISOString(), email: emails.get(e.id) ?? null }))
    .sort((a, b) => b.since - a.since);
}
