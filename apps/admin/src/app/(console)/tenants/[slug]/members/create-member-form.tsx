"use client";
// Creates a tenant user. The initial password (given or generated) is shown ONCE, here.
import { DEFAULT_ROLE_KEY } from "@repo/auth/rbac";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { ApiClientError, callApi } from "@/components/call-api";
import { ErrorBanner } from "@/components/error-banner";

type Created = { member: { email: string }; initialPassword: string };

export function CreateMemberForm({ slug, roles }: { slug: string; roles: { key: string; name: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<Created | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(null);
    setFields({});
    setCreated(null);
    const password = String(form.get("password") ?? "");
    try {
      const result = await callApi<Created>("POST", `/tenants/${slug}/members`, {
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        roles: [String(form.get("role") ?? DEFAULT_ROLE_KEY)],
        ...(password ? { password } : {}),
      });
      setCreated(result);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      if (e instanceof ApiClientError && e.fields) setFields(e.fields);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-sm font-semibold">Add a member</h2>
      <form action={submit} className="space-y-3 text-sm">
        <label className="block">
          Email
          <input name="email" type="email" required className={`${INPUT_STYLE} mt-1 w-full`} />
        </label>
        {fields.email ? <p className="text-xs text-red-700">{fields.email.join(" ")}</p> : null}
        <label className="block">
          Name
          <input name="name" required className={`${INPUT_STYLE} mt-1 w-full`} />
        </label>
        <label className="block">
          Role
          <select name="role" defaultValue={DEFAULT_ROLE_KEY} className={`${INPUT_STYLE} mt-1 w-full`}>
            {roles.map((r) => (
              <option key={r.key} value={r.key}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          Initial password <span className="text-slate-500">(leave empty to generate one)</span>
          <input
            name="password"
            type="text"
            autoComplete="off"
            minLength={12}
            className={`${INPUT_STYLE} mt-1 w-full`}
          />
        </label>
        {fields.password ? <p className="text-xs text-red-700">{fields.password.join(" ")}</p> : null}
        <ErrorBanner message={error} />
        <button type="submit" className={BUTTON_STYLES.primary} disabled={pending}>
          {pending ? "Creating…" : "Create member"}
        </button>
      </form>
      {created ? (
        <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p>
            <strong>{created.member.email}</strong> was created. Initial password (shown once — copy it now):
          </p>
          <code data-testid="initial-password" className="mt-2 block select-all break-all rounded bg-white px-2 py-1">
            {created.initialPassword}
          </code>
        </div>
      ) : null}
    </section>
  );
}
