import { eq } from "drizzle-orm";
import { sessions, type TenantDb, type SessionRow } from "@repo/db/tenant";
import { ApiError } from "@repo/api-errors";

export async function getSessionOrThrow(db: TenantDb, sid: string): Promise<SessionRow> {
  const [row] = await db.select().from(sessions).where(eq(sessions.sid, sid));
  if (!row) throw new ApiError("not_found", "No session with this id in this tenant.");
  return row;
}
