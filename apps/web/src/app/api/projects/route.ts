import { createProject } from "@/server/projects/create-project";
import { listProjects } from "@/server/projects/list-projects";
import { createProjectSchema } from "@/server/projects/project-schema";
import { parseJsonBodyOrThrow } from "@/server/parse-json-body-or-throw";
import { withTenantRoute } from "@/server/with-tenant-route";
import { getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

/** `GET /api/projects` → `200 { projects: [{ id, name, createdAt }] }`. */
export const GET = withTenantRoute({ permission: "projects:read" }, async (_request, { session }) =>
  Response.json(
    { projects: await listProjects(getTenantDb(session.tenant.id)) },
    { headers: { "cache-control": "no-store" } },
  ),
);

/** `POST /api/projects { name }` → `201 { id, name, createdAt }`; 400 with `fields` on bad input. */
export const POST = withTenantRoute({ permission: "projects:write" }, async (request, { session }) => {
  const input = await parseJsonBodyOrThrow(request, createProjectSchema);
  const project = await createProject(getTenantDb(session.tenant.id), input, session.user.id);
  return Response.json(project, { status: 201, headers: { location: `/api/projects/${project.id}` } });
});
