import { projects, type TenantDb } from "@repo/db/tenant";
import type { CreateProjectInput, ProjectView } from "./project-schema";

/** Inserts a project owned by `userId`. Input must already be validated with `createProjectSchema`. */
export async function createProject(db: TenantDb, input: CreateProjectInput, userId: string): Promise<ProjectView> {
  const [row] = await db
    .insert(projects)
    .values({ name: input.name, createdBy: userId })
    .returning({ id: projects.id, name: projects.name, createdAt: projects.createdAt });
  if (!row) throw new Error("insert returned no row");
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString() };
}
