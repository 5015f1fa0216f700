import { desc } from "drizzle-orm";
import { projects, type TenantDb } from "@repo/db/tenant";
import type { ProjectView } from "./project-schema";

/** The tenant's projects, newest first. `db` must come from `getTenantDb(session.tenant.id)`. */
export async function listProjects(db: TenantDb): Promise<ProjectView[]> {
  const rows = await db
    .select({ id: projects.id, name: projects.name, createdAt: projects.createdAt })
    .from(projects)
    .orderBy(desc(projects.createdAt))
    .limit(500);
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.createdAt.toISOString() }));
}
