import { can } from "@repo/auth/rbac";
import { listInvitations } from "@repo/auth/identity";
import { Badge } from "@/components/badge";
import { dangerButtonClass, secondaryButtonClass } from "@/components/button-styles";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { listMembers } from "@/server/members/list-members";
import { listTenantRoles } from "@/server/members/list-tenant-roles";
import { requirePagePermission } from "@/server/page-session";
import { ApiActionButton } from "./api-action-button";
import { InviteMemberForm } from "./invite-member-form";
import { MemberRolesSelect } from "./member-roles-select";
import { getTenantDb } from "@/server/web-root";

export const metadata = { title: "Members" };

const STATUS_TONE = { pending: "indigo", accepted: "green", expired: "red", revoked: "red" } as const;

export default async function MembersPage() {
  const session = await requirePagePermission("members:read");
  const db = getTenantDb(session.tenant.id);
  const canManage = can(session, "members:write");
  const [members, roles, invitations] = await Promise.all([
    listMembers(db),
    canManage ? listTenantRoles(db) : Promise.resolve([]),
    canManage ? listInvitations(db, 50) : Promise.resolve([]),
  ]);
  // Offer only roles the viewer can grant (the API enforces the same rule).
  const grantable = roles.filter((role) => role.permissions.every((p) => session.permissions.includes(p as never)));

  return (
    <div className="space-y-6">
      <PageHeader title="Members" description={`People with access to ${session.tenant.name}.`} />
      {canManage ? (
        <Card title="Invite someone" description="They get an email with a link to join; it works once and expires.">
          <InviteMemberForm roles={grantable} />
        </Card>
      ) : null}
      <Card>
        {members.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-500">No members yet.</p>
        ) : (
          <div className="-mx-5 -my-4 overflow-x-auto">
            <table className="min-w-full text-left text-sm" data-testid="member-table">
              <thead className="border-b border-slate-100 text-xs tracking-wide text-slate-500 uppercase">
                <tr>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Member
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Roles
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Status
                  </th>
                  {canManage ? (
                    <th scope="col" className="px-5 py-3 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {members.map((member) => {
                  const isManageable = canManage && member.roles.every((r) => grantable.some((g) => g.key === r.key));
                  return (
                    <tr key={member.id} data-testid="member-row" data-email={member.email}>
                      <td className="px-5 py-3">
                        <p className="font-medium text-slate-900">
                          {member.name}
                          {member.id === session.user.id ? (
                            <span className="ml-2 text-xs font-normal text-slate-400">(you)</span>
                          ) : null}
                        </p>
                        <p className="text-slate-500">{member.email}</p>
                      </td>
                      <td className="px-5 py-3">
                        {isManageable && member.roles.length === 1 ? (
                          <MemberRolesSelect userId={member.id} current={member.roles[0]!.key} roles={grantable} />
                        ) : (
                          <div className="flex flex-wrap gap-1.5">
                            {member.roles.length === 0 ? <span className="text-slate-400">—</span> : null}
                            {member.roles.map((role) => (
                              <Badge key={role.key} tone="indigo">
                                {role.name}
                              </Badge>
                            ))}
                          </div>
                        )}
                      </td>
                      <td className="px-5 py-3">
                        {member.isDisabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}
                      </td>
                      {canManage ? (
                        <td className="px-5 py-3 text-right">
                          {isManageable && member.id !== session.user.id ? (
                            <ApiActionButton
                              method="DELETE"
                              path={`/api/members/${member.id}`}
                              label="Remove"
                              confirm={`Remove ${member.email} from ${session.tenant.name}? They are signed out at once.`}
                              className={dangerButtonClass}
                              testId="remove-member"
                            />
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {canManage && invitations.length > 0 ? (
        <Card title="Invitations">
          <div className="-mx-5 -my-4 overflow-x-auto">
            <table className="min-w-full text-left text-sm" data-testid="invitation-table">
              <tbody className="divide-y divide-slate-100">
                {invitations.map((invitation) => (
                  <tr key={invitation.id} data-testid="invitation-row" data-email={invitation.email}>
                    <td className="px-5 py-3">
                      <p className="font-medium text-slate-900">{invitation.email}</p>
                      <p className="text-slate-500">
                        {invitation.roles.join(", ")} · sent {new Date(invitation.lastSentAt).toUTCString()}
                      </p>
                    </td>
                    <td className="px-5 py-3">
                      <Badge tone={STATUS_TONE[invitation.status]}>{invitation.status}</Badge>
                    </td>
                    <td className="space-x-2 px-5 py-3 text-right whitespace-nowrap">
                      {invitation.status === "pending" || invitation.status === "expired" ? (
                        <ApiActionButton
                          method="POST"
                          path={`/api/invitations/${invitation.id}/resend`}
                          label="Resend"
                          className={secondaryButtonClass}
                        />
                      ) : null}
                      {invitation.status === "pending" ? (
                        <ApiActionButton
                          method="DELETE"
                          path={`/api/invitations/${invitation.id}`}
                          label="Withdraw"
                          className={dangerButtonClass}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
