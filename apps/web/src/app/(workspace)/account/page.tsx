import { listOwnSessions } from "@repo/auth/identity";
import { Badge } from "@/components/badge";
import { dangerButtonClass } from "@/components/button-styles";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { requirePageSession } from "@/server/page-session";
import { ApiActionButton } from "../members/api-action-button";
import { ChangePasswordForm } from "./change-password-form";
import { getTenantDb } from "@/server/web-root";

export const metadata = { title: "Your account" };

/** Any signed-in user: change the password, see and end their own sessions. */
export default async function AccountPage() {
  const session = await requirePageSession();
  const sessions = await listOwnSessions(getTenantDb(session.tenant.id), {
    userId: session.user.id,
    currentSid: session.sessionId,
  });
  return (
    <div className="space-y-6">
      <PageHeader title="Your account" description={session.user.email ?? undefined} />
      <Card title="Password" description="Changing it signs you out everywhere else.">
        <ChangePasswordForm />
      </Card>
      <Card title="Where you're signed in">
        <div className="-mx-5 -my-4 overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="session-table">
            <thead className="border-b border-slate-100 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-5 py-3 font-medium">
                  Device
                </th>
                <th scope="col" className="px-5 py-3 font-medium">
                  IP
                </th>
                <th scope="col" className="px-5 py-3 font-medium">
                  Last used
                </th>
                <th scope="col" className="px-5 py-3 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sessions.map((s) => (
                <tr key={s.sid} data-testid="session-row">
                  <td className="px-5 py-3">
                    {s.device} {s.isCurrent ? <Badge tone="green">this device</Badge> : null}
                  </td>
                  <td className="px-5 py-3 text-slate-500">{s.ip ?? "—"}</td>
                  <td className="px-5 py-3 text-slate-500">{new Date(s.lastUsedAt).toUTCString()}</td>
                  <td className="px-5 py-3 text-right">
                    {s.isCurrent ? null : (
                      <ApiActionButton
                        method="DELETE"
                        path={`/api/me/sessions/${s.sid}`}
                        label="Sign out"
                        className={dangerButtonClass}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
