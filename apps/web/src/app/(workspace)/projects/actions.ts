"use server";
// Server Actions for the projects page. Each re-checks session, permission and Origin itself:
// the proxy is the fast path, not the only line of defence.
import { revalidatePath } from "next/cache";
import { createProject } from "@/server/projects/create-project";
import { deleteProject } from "@/server/projects/delete-project";
import { createProjectSchema, projectIdSchema } from "@/server/projects/project-schema";
import { authorizeAction } from "@/server/action-session";
import { flattenIssues } from "@repo/api-errors";
import { getTenantDb } from "@/server/web-root";

export type ProjectActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  fields?: Record<string, string[]>;
};

export async function createProjectAction(
  _previous: ProjectActionState,
  formData: FormData,
): Promise<ProjectActionState> {
  const auth = await authorizeAction("projects:write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const parsed = createProjectSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) {
    return { status: "error", message: "Check the highlighted field.", fields: flattenIssues(parsed.error) };
  }
  const project = await createProject(getTenantDb(auth.session.tenant.id), parsed.data, auth.session.user.id);
  revalidatePath("/projects");
  return { status: "success", message: `Created “${project.name}”.` };
}

export async function deleteProjectAction(
  _previous: ProjectActionState,
  formData: FormData,
): Promise<ProjectActionState> {
  const auth = await authorizeAction("projects:delete");
  if (!auth.ok) return { status: "error", message: auth.message };
  const id = projectIdSchema.safeParse(formData.get("id"));
  if (!id.success || !(await deleteProject(getTenantDb(auth.session.tenant.id), id.data))) {
    return { status: "error", message: "That project no longer exists. Refresh the page." };
  }
  revalidatePath("/projects");
  return { status: "success" };
}
