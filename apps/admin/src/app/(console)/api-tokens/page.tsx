import { ApiConfirmButton } from "@/components/api-confirm-button";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { listApiTokens } from "@/server/api-tokens/list-api-tokens";
import { CreateApiTokenForm } from "./create-api-token-form";

export const metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const operator = await requirePageOperator();
  const tokens = await listApiTokens(operator);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            For automation: <code>Authorization: Bearer &lt;token&gt;</code> on <code>/api/v1/…</code>. Stored hashed;
            shown once at creation.
          </>
        }
      />
      {operator.canWrite ? <CreateApiTokenForm /> : null}
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Prefix</th>
              <th className="px-3 py-2">Scope</th>
              <th className="px-3 py-2">Operator</th>
              <th className="px-3 py-2">Expires</th>
              <th className="px-3 py-2">Last used</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-b border-slate-100 last:border-0">
                <td className="px-3 py-2 font-medium">{t.name}</td>
                <td className="px-3 py-2">
                  <code className="text-xs">{t.prefix}…</code>
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={t.scope} />
                </td>
                <td className="px-3 py-2">{t.operatorEmail}</td>
                <td className="px-3 py-2">{t.expiresAt?.slice(0, 10) ?? "—"}</td>
                <td className="px-3 py-2">{t.lastUsedAt ? t.lastUsedAt.slice(0, 16).replace("T", " ") : "never"}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={t.status} />
                </td>
                <td className="px-3 py-2 text-right">
                  {t.status === "active" ? (
                    <ApiConfirmButton
                      method="DELETE"
                      path={`/api-tokens/${t.id}`}
                      label="Revoke"
                      title={`Revoke "${t.name}"?`}
                      description="Automation using this token stops working immediately."
                      disabled={!operator.canWrite}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
            {tokens.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-3 py-8 text-center text-slate-500">
                  No API tokens.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
