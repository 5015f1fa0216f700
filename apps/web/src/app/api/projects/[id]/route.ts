import { ApiError } from "@repo/api-errors";
import { deleteProject } from "@/server/projects/delete-project";
import { projectIdSchema } from "@/server/projects/project-schema";
import { withTenantRoute } from "@/server/with-tenant-route";
import { getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

/** `DELETE /api/projects/:id` → `204`; `404` when the project is not in this tenant. */
export const DELETE = withTenantRoute<{ id: string }>(
  { permission: "projects:delete" },
  async (_request, { session, params }) => {
    const id = projectIdSchema.safeParse(params.id);
    if (!id.success || !(await deleteProject(getTenantDb(session.tenant.id), id.data))) {
      throw new ApiError("not_found", "No project with this id exists in this workspace.");
    }
    return new Response(null, { status: 204 });
  },
);
