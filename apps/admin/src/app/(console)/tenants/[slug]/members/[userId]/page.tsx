import { ApiConfirmButton } from "@/components/api-confirm-button";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { TenantTabs } from "@/components/tenant-tabs";
import { SessionsTable } from "@/components/sessions-table";
import { userIdSchema } from "@/schemas/member-schemas";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { loadOrNotFound } from "@/server/http/load-or-not-found";
import { getMemberOrThrow } from "@/server/members/get-member-or-throw";
import { listRoles } from "@/server/roles/list-roles";
import { listSessions } from "@/server/sessions/list-sessions";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";
import { notFound } from "next/navigation";
import { MemberRolesForm } from "./member-roles-form";

export default async function MemberPage(props: { params: Promise<{ slug: string; userId: string }> }) {
  const operator = await requirePageOperator();
  const { slug, userId } = await props.params;
  if (!userIdSchema.safeParse(userId).success) notFound();
  const { tenant, db } = await loadOrNotFound(() => openTenantDbOrThrow(slug));
  const member = await loadOrNotFound(() => getMemberOrThrow(db, userId));
  const [roles, sessions] = await Promise.all([listRoles(db), listSessions(db, { userId, includeInactive: true })]);
  const path = `/tenants/${tenant.slug}/members/${member.id}`;
  return (
    <>
      <PageHeader
        title={member.email}
        description={
          <span className="flex items-center gap-2">
            {member.name} · {tenant.slug} <StatusBadge status={member.disabled ? "disabled" : "active"} />
          </span>
        }
        actions={
          <>
            <ApiConfirmButton
              method="POST"
              path="/revocations"
              body={{ tenant: tenant.slug, type: "user", userId: member.id }}
              label="Revoke all sessions"
              title={`Sign ${member.email} out everywhere?`}
              description="Every session of this user is rejected on its next request. They can sign in again."
              disabled={!operator.canWrite}
            />
            {member.disabled ? (
              <ApiConfirmButton
                method="PATCH"
                path={path}
                body={{ disabled: false }}
                label="Enable"
                variant="secondary"
                title={`Enable ${member.email}?`}
                description="They can sign in again."
                disabled={!operator.canWrite}
              />
            ) : (
              <ApiConfirmButton
                method="PATCH"
                path={path}
                body={{ disabled: true }}
                label="Disable"
                variant="danger"
                title={`Disable ${member.email}?`}
                description="Their sessions are revoked immediately and they cannot sign in until re-enabled."
                disabled={!operator.canWrite}
              />
            )}
          </>
        }
      />
      <TenantTabs slug={tenant.slug} current="/members" />
      <div className="grid gap-8 xl:grid-cols-[20rem_1fr]">
        <MemberRolesForm
          path={path}
          current={member.roles}
          roles={roles.map((r) => ({ key: r.key, name: r.name, builtin: r.builtin }))}
          canWrite={operator.canWrite}
        />
        <section>
          <h2 className="mb-2 text-sm font-semibold">Sessions</h2>
          <SessionsTable slug={tenant.slug} sessions={sessions} canWrite={operator.canWrite} showUser={false} />
        </section>
      </div>
    </>
  );
}
