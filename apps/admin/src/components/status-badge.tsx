const TONES: Record<string, string> = {
  active: "bg-emerald-100 text-emerald-800",
  provisioning: "bg-sky-100 text-sky-800",
  suspended: "bg-amber-100 text-amber-800",
  deleting: "bg-red-100 text-red-800",
  disabled: "bg-slate-200 text-slate-700",
  revoked: "bg-slate-200 text-slate-700",
  success: "bg-emerald-100 text-emerald-800",
  enabled: "bg-emerald-100 text-emerald-800",
  succeeded: "bg-emerald-100 text-emerald-800",
  pending: "bg-sky-100 text-sky-800",
  failed: "bg-red-100 text-red-800",
  failure: "bg-red-100 text-red-800",
  denied: "bg-amber-100 text-amber-800",
  rate_limited: "bg-amber-100 text-amber-800",
  owner: "bg-violet-100 text-violet-800",
  support: "bg-slate-200 text-slate-700",
  read: "bg-slate-200 text-slate-700",
  write: "bg-violet-100 text-violet-800",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status] ?? "bg-slate-100 text-slate-700"}`}
    >
      {status}
    </span>
  );
}
