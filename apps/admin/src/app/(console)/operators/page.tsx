import { ApiConfirmButton } from "@/components/api-confirm-button";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { getControlPlane } from "@/server/control-plane";
import { listOperators } from "@/server/operators/list-operators";
import { CreateOperatorForm } from "./create-operator-form";

export const metadata = { title: "Operators" };

export default async function OperatorsPage() {
  const operator = await requirePageOperator();
  if (operator.role !== "owner") {
    return (
      <>
        <PageHeader title="Operators" />
        <p className="text-sm text-slate-600">Only owner operators can see and manage operators.</p>
      </>
    );
  }
  const rows = await listOperators(getControlPlane());
  return (
    <>
      <PageHeader
        title="Operators"
        description="People who can sign in to this console. Owners can change anything; support is read-only."
      />
      {operator.canWrite ? <CreateOperatorForm /> : null}
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="px-3 py-2">Email</th>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Role</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">Created</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id} className="border-b border-slate-100 last:border-0" data-testid={`operator-${o.email}`}>
                <td className="px-3 py-2 font-medium">{o.email}</td>
                <td className="px-3 py-2">{o.name}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={o.role} />
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={o.disabled ? "disabled" : "active"} />
                </td>
                <td className="px-3 py-2">{o.createdAt.slice(0, 10)}</td>
                <td className="space-x-2 px-3 py-2 text-right whitespace-nowrap">
                  <ApiConfirmButton
                    method="PATCH"
                    path={`/operators/${o.id}`}
                    body={{ role: o.role === "owner" ? "support" : "owner" }}
                    label={o.role === "owner" ? "Make support" : "Make owner"}
                    title={`Change ${o.email}'s role?`}
                    description={
                      o.role === "owner"
                        ? "They keep read-only access to the console."
                        : "They can change anything, operators included."
                    }
                    disabled={!operator.canWrite}
                  />
                  <ApiConfirmButton
                    method="PATCH"
                    path={`/operators/${o.id}`}
                    body={{ disabled: !o.disabled }}
                    label={o.disabled ? "Enable" : "Disable"}
                    title={`${o.disabled ? "Enable" : "Disable"} ${o.email}?`}
                    description={
                      o.disabled
                        ? "They can sign in again."
                        : "Their sessions end on their next request and their API tokens stop working."
                    }
                    variant={o.disabled ? undefined : "danger"}
                    disabled={!operator.canWrite}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
