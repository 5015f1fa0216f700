import { eq } from "drizzle-orm";
import { projects, type TenantDb } from "@repo/db/tenant";

/** Deletes a project; returns false when no such project exists in this tenant. */
export async function deleteProject(db: TenantDb, projectId: string): Promise<boolean> {
  const deleted = await db.delete(projects).where(eq(projects.id, projectId)).returning({ id: projects.id });
  return deleted.length > 0;
}
