"use client";
// Custom-role create/edit form. The checkboxes are generated from the code registry
// (PERMISSION_REGISTRY), grouped by resource: a permission added in code shows up here.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PERMISSION_REGISTRY, PERMISSIONS } from "@repo/auth/rbac";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { ApiClientError, callApi } from "@/components/call-api";
import { ErrorBanner } from "@/components/error-banner";

type EditableRole = { key: string; name: string; description: string | null; permissions: string[] };

const GROUPS = Object.entries(
  PERMISSIONS.reduce<Record<string, string[]>>((acc, p) => {
    const resource = p.split(":")[0] ?? p;
    (acc[resource] ??= []).push(p);
    return acc;
  }, {}),
);

export function RoleEditor({ slug, role, canWrite }: { slug: string; role: EditableRole | null; canWrite: boolean }) {
  const router = useRouter();
  const [selected, setSelected] = useState(new Set(role?.permissions ?? []));
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(null);
    setFields({});
    setSaved(false);
    const body = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? "") || undefined,
      permissions: [...selected],
    };
    try {
      if (role) await callApi("PUT", `/tenants/${slug}/roles/${role.key}`, body);
      else await callApi("POST", `/tenants/${slug}/roles`, { key: String(form.get("key") ?? ""), ...body });
      setSaved(true);
      if (!role) setSelected(new Set());
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      if (e instanceof ApiClientError && e.fields) setFields(e.fields);
    } finally {
      setPending(false);
    }
  }

  return (
    <form action={submit} className="space-y-3 text-sm">
      <fieldset disabled={!canWrite || pending} className="space-y-3">
        <div className="flex flex-wrap gap-3">
          {role ? null : (
            <label className="block">
              Key
              <input name="key" required placeholder="billing-admin" className={`${INPUT_STYLE} mt-1 block w-44`} />
            </label>
          )}
          <label className="block">
            Name
            <input name="name" required defaultValue={role?.name ?? ""} className={`${INPUT_STYLE} mt-1 block w-56`} />
          </label>
          <label className="block flex-1">
            Description
            <input
              name="description"
              defaultValue={role?.description ?? ""}
              className={`${INPUT_STYLE} mt-1 block w-full`}
            />
          </label>
        </div>
        {Object.entries(fields).map(([k, v]) => (
          <p key={k} className="text-xs text-red-700">
            {k}: {v.join(" ")}
          </p>
        ))}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {GROUPS.map(([resource, perms]) => (
            <fieldset key={resource} className="rounded-md border border-slate-200 p-2">
              <legend className="px-1 text-xs font-semibold uppercase text-slate-500">{resource}</legend>
              {perms.map((p) => (
                <label
                  key={p}
                  className="flex items-center gap-2 py-0.5"
                  title={PERMISSION_REGISTRY[p as keyof typeof PERMISSION_REGISTRY]}
                >
                  <input
                    type="checkbox"
                    value={p}
                    aria-label={p}
                    checked={selected.has(p)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(p);
                      else next.delete(p);
                      setSelected(next);
                    }}
                  />
                  <span>{p.split(":")[1]}</span>
                  <span className="truncate text-xs text-slate-500">
                    {PERMISSION_REGISTRY[p as keyof typeof PERMISSION_REGISTRY]}
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      </fieldset>
      <ErrorBanner message={error} />
      {saved ? (
        <p role="status" className="text-emerald-700">
          Saved. Members holding this role get the change on their next request.
        </p>
      ) : null}
      {canWrite ? (
        <button type="submit" className={BUTTON_STYLES.primary} disabled={pending}>
          {role ? "Save role" : "Create role"}
        </button>
      ) : null}
    </form>
  );
}
