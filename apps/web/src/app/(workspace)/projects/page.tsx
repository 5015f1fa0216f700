import { can } from "@repo/auth/rbac";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { requirePagePermission } from "@/server/page-session";
import { listProjects } from "@/server/projects/list-projects";
import { CreateProjectForm } from "./create-project-form";
import { DeleteProjectButton } from "./delete-project-button";
import { getTenantDb } from "@/server/web-root";

export const metadata = { title: "Projects" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function ProjectsPage() {
  const session = await requirePagePermission("projects:read");
  const projects = await listProjects(getTenantDb(session.tenant.id));
  const canCreate = can(session, "projects:write");
  const canDelete = can(session, "projects:delete");

  return (
    <>
      <PageHeader
        title="Projects"
        description={`${projects.length} project${projects.length === 1 ? "" : "s"} in ${session.tenant.name}`}
      />
      <div className="space-y-6">
        {canCreate ? (
          <Card title="New project">
            <CreateProjectForm />
          </Card>
        ) : null}
        <Card>
          {projects.length === 0 ? (
            <div className="py-10 text-center">
              <p className="font-medium text-slate-900">No projects yet</p>
              <p className="mt-1 text-sm text-slate-500">
                {canCreate ? "Create the first one above." : "Ask someone with edit rights to create one."}
              </p>
            </div>
          ) : (
            <ul className="-my-4 divide-y divide-slate-100" data-testid="project-list">
              {projects.map((project) => (
                <li
                  key={project.id}
                  className="flex flex-wrap items-center justify-between gap-3 py-3"
                  data-testid="project-row"
                >
                  <div className="min-w-0">
                    <p className="truncate font-medium text-slate-900">{project.name}</p>
                    <p className="text-xs text-slate-500">Created {dateFormat.format(new Date(project.createdAt))}</p>
                  </div>
                  {canDelete ? <DeleteProjectButton projectId={project.id} projectName={project.name} /> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
