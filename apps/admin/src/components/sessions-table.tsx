// Session inventory table with a confirmed "Revoke" per active session.
import type { SessionView } from "@/server/sessions/list-sessions";
import { ApiConfirmButton } from "./api-confirm-button";
import { StatusBadge } from "./status-badge";

export function SessionsTable({
  slug,
  sessions,
  canWrite,
  showUser,
}: {
  slug: string;
  sessions: SessionView[];
  canWrite: boolean;
  showUser: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            {showUser ? <th className="px-3 py-2">User</th> : null}
            <th className="px-3 py-2">Created</th>
            <th className="px-3 py-2">Expires</th>
            <th className="px-3 py-2">IP</th>
            <th className="px-3 py-2">User agent</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.sid} className="border-b border-slate-100 last:border-0">
              {showUser ? <td className="px-3 py-2">{s.email}</td> : null}
              <td className="px-3 py-2 whitespace-nowrap">{formatTime(s.createdAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatTime(s.expiresAt)}</td>
              <td className="px-3 py-2">{s.ip ?? "—"}</td>
              <td className="max-w-64 truncate px-3 py-2" title={s.userAgent ?? ""}>
                {s.userAgent ?? "—"}
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={s.active ? "active" : s.revokedAt ? "revoked" : "expired"} />
              </td>
              <td className="px-3 py-2 text-right">
                {s.active ? (
                  <ApiConfirmButton
                    method="POST"
                    path="/revocations"
                    body={{ tenant: slug, type: "session", sessionId: s.sid, userId: s.userId }}
                    label="Revoke"
                    title="Revoke this session?"
                    description={`The session of ${s.email} started ${formatTime(s.createdAt)} is rejected on its next request.`}
                    disabled={!canWrite}
                  />
                ) : null}
              </td>
            </tr>
          ))}
          {sessions.length === 0 ? (
            <tr>
              <td colSpan={showUser ? 7 : 6} className="px-3 py-6 text-center text-slate-500">
                No sessions.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function formatTime(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}
