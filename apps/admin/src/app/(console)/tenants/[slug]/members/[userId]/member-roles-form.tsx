"use client";
// Role assignment. Saving writes user_roles in one tenant-DB transaction and marks the user's
// claims stale: their next request carries the new permissions and they stay signed in.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BUTTON_STYLES } from "@/components/button-styles";
import { callApi } from "@/components/call-api";
import { ErrorBanner } from "@/components/error-banner";

export function MemberRolesForm(props: {
  path: string;
  current: string[];
  roles: { key: string; name: string; builtin: boolean }[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState(new Set(props.current));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  async function save() {
    setPending(true);
    setError(null);
    setSaved(false);
    try {
      await callApi("PATCH", props.path, { roles: [...selected] });
      setSaved(true);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-sm font-semibold">Roles</h2>
      <fieldset disabled={!props.canWrite || pending} className="space-y-2 text-sm">
        <legend className="sr-only">Roles</legend>
        {props.roles.map((r) => (
          <label key={r.key} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="roles"
              value={r.key}
              checked={selected.has(r.key)}
              onChange={(e) => {
                const next = new Set(selected);
                if (e.target.checked) next.add(r.key);
                else next.delete(r.key);
                setSelected(next);
                setSaved(false);
              }}
            />
            {r.name} <code className="text-xs text-slate-500">{r.key}</code>
            {r.builtin ? null : <span className="text-xs text-slate-500">custom</span>}
          </label>
        ))}
      </fieldset>
      <div className="mt-3 space-y-2">
        <ErrorBanner message={error} />
        {saved ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved. Effective on the user&apos;s next request.
          </p>
        ) : null}
        <button type="button" className={BUTTON_STYLES.primary} disabled={!props.canWrite || pending} onClick={save}>
          {pending ? "Saving…" : "Save roles"}
        </button>
      </div>
    </section>
  );
}
