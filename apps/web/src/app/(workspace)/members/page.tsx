import { getTenantDb } from "@repo/tenancy";
import { Badge } from "@/components/badge";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { listMembers } from "@/server/members/list-members";
import { requirePagePermission } from "@/server/page-session";

export const metadata = { title: "Members" };

export default async function MembersPage() {
  const session = await requirePagePermission("members:read");
  const members = await listMembers(getTenantDb(session.tenant.id));

  return (
    <>
      <PageHeader title="Members" description={`People with access to ${session.tenant.name}. Roles are managed by your platform operators.`} />
      <Card>
        {members.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-500">No members yet.</p>
        ) : (
          <div className="-mx-5 -my-4 overflow-x-auto">
            <table className="min-w-full text-left text-sm" data-testid="member-table">
              <thead className="border-b border-slate-100 text-xs tracking-wide text-slate-500 uppercase">
                <tr>
                  <th scope="col" className="px-5 py-3 font-medium">Member</th>
                  <th scope="col" className="px-5 py-3 font-medium">Roles</th>
                  <th scope="col" className="px-5 py-3 font-medium">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {members.map((member) => (
                  <tr key={member.id}>
                    <td className="px-5 py-3">
                      <p className="font-medium text-slate-900">
                        {member.name}
                        {member.id === session.user.id ? <span className="ml-2 text-xs font-normal text-slate-400">(you)</span> : null}
                      </p>
                      <p className="text-slate-500">{member.email}</p>
                    </td>
                    <td className="px-5 py-3">
                      <div className="flex flex-wrap gap-1.5">
                        {member.roles.length === 0 ? <span className="text-slate-400">—</span> : null}
                        {member.roles.map((role) => (
                          <Badge key={role.key} tone="indigo">
                            {role.name}
                          </Badge>
                        ))}
                      </div>
                    </td>
                    <td className="px-5 py-3">
                      {member.isDisabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
