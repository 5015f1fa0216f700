"use client";
// Edits a tenant's SSO connection through PUT/DELETE /api/v1/tenants/:slug/sso. The stored
// client secret is never shown: leave the field empty to keep it.
import { DEFAULT_ROLE_KEY } from "@repo/auth/rbac";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { ApiClientError, callApi } from "@/components/call-api";
import { ErrorBanner } from "@/components/error-banner";

type Connection = {
  issuer: string;
  clientId: string;
  domains: string[];
  defaultRoles: string[];
  enforced: boolean;
  updatedAt: string;
};

export function SsoConnectionForm(props: {
  slug: string;
  connection: Connection | null;
  roles: { key: string; name: string }[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const c = props.connection;
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const path = `/tenants/${props.slug}/sso`;

  async function run(work: () => Promise<unknown>, done: string) {
    setPending(true);
    setError(null);
    setFields({});
    setStatus(null);
    try {
      await work();
      setStatus(done);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      if (e instanceof ApiClientError && e.fields) setFields(e.fields);
    } finally {
      setPending(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const secret = String(form.get("clientSecret") ?? "");
    const body = {
      issuer: String(form.get("issuer") ?? ""),
      clientId: String(form.get("clientId") ?? ""),
      ...(secret ? { clientSecret: secret } : {}),
      domains: String(form.get("domains") ?? "")
        .split(/[\s,]+/)
        .filter(Boolean),
      defaultRoles: form.getAll("defaultRoles").map(String),
      enforced: form.get("enforced") === "on",
    };
    void run(() => callApi("PUT", path, body), "Saved. New sign-ins use it right away.");
  }

  const fieldError = (name: string) =>
    Object.entries(fields)
      .filter(([k]) => k === name || k.startsWith(`${name}.`))
      .flatMap(([, v]) => v)[0];
  const label = "block text-sm font-medium text-slate-700";

  return (
    <section className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4">
      <form onSubmit={onSubmit} className="space-y-4">
        <fieldset disabled={!props.canWrite || pending} className="space-y-4">
          <label className={label}>
            Issuer URL
            <input
              name="issuer"
              defaultValue={c?.issuer ?? ""}
              required
              placeholder="https://login.example.com"
              className={`${INPUT_STYLE} mt-1 block w-full`}
            />
            <span className="text-xs text-red-700">{fieldError("issuer")}</span>
          </label>
          <label className={label}>
            Client ID
            <input
              name="clientId"
              defaultValue={c?.clientId ?? ""}
              required
              className={`${INPUT_STYLE} mt-1 block w-full`}
            />
            <span className="text-xs text-red-700">{fieldError("clientId")}</span>
          </label>
          <label className={label}>
            Client secret{" "}
            {c ? <span className="font-normal text-slate-500">(stored; leave empty to keep it)</span> : null}
            <input
              name="clientSecret"
              type="password"
              autoComplete="off"
              required={!c}
              className={`${INPUT_STYLE} mt-1 block w-full`}
            />
            <span className="text-xs text-red-700">{fieldError("clientSecret")}</span>
          </label>
          <label className={label}>
            Verified email domains <span className="font-normal text-slate-500">(comma or space separated)</span>
            <input
              name="domains"
              defaultValue={c?.domains.join(", ") ?? ""}
              required
              className={`${INPUT_STYLE} mt-1 block w-full`}
            />
            <span className="text-xs text-red-700">{fieldError("domains")}</span>
          </label>
          <div className={label}>
            Roles given to new SSO users
            <div className="mt-1 flex flex-wrap gap-3 font-normal">
              {props.roles.map((r) => (
                <label key={r.key} className="flex items-center gap-1.5">
                  <input
                    type="checkbox"
                    name="defaultRoles"
                    value={r.key}
                    defaultChecked={c?.defaultRoles.includes(r.key) ?? r.key === DEFAULT_ROLE_KEY}
                  />
                  {r.name}
                </label>
              ))}
            </div>
            <span className="text-xs text-red-700">{fieldError("defaultRoles")}</span>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="enforced" defaultChecked={c?.enforced ?? false} />
            Enforce SSO: refuse password and magic-link sign-in for these domains
          </label>
        </fieldset>
        <ErrorBanner message={error} />
        {status ? (
          <p role="status" className="text-sm text-emerald-700">
            {status}
          </p>
        ) : null}
        <div className="flex gap-2">
          <button type="submit" className={BUTTON_STYLES.primary} disabled={!props.canWrite || pending}>
            {pending ? "Saving…" : c ? "Save connection" : "Create connection"}
          </button>
          {c ? (
            <button
              type="button"
              className={BUTTON_STYLES.secondary}
              disabled={!props.canWrite || pending}
              onClick={() => void run(() => callApi("DELETE", path), "Connection removed.")}
            >
              Remove
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
