"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { callApi } from "@/components/call-api";
import { ErrorBanner } from "@/components/error-banner";

export function CreateOperatorForm() {
  const router = useRouter();
  const [password, setPassword] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(null);
    setPassword(null);
    try {
      const created = await callApi<{ initialPassword: string | null }>("POST", "/operators", {
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        role: String(form.get("role") ?? "support"),
      });
      setPassword(created.initialPassword);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <form action={submit} className="flex flex-wrap items-end gap-3 text-sm">
        <label>
          Email
          <input name="email" type="email" required className={`${INPUT_STYLE} mt-1 block w-64`} />
        </label>
        <label>
          Name
          <input name="name" required className={`${INPUT_STYLE} mt-1 block w-48`} />
        </label>
        <label>
          Role
          <select name="role" defaultValue="support" className={`${INPUT_STYLE} mt-1 block`}>
            <option value="support">support (read-only)</option>
            <option value="owner">owner</option>
          </select>
        </label>
        <button type="submit" className={BUTTON_STYLES.primary} disabled={pending}>
          {pending ? "Creating…" : "Add operator"}
        </button>
      </form>
      <div className="mt-3">
        <ErrorBanner message={error} />
      </div>
      {password ? (
        <div role="status" className="mt-3 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          Send this initial password to the new operator over a safe channel — it is not shown again:
          <code
            data-testid="new-operator-password"
            className="mt-2 block select-all break-all rounded bg-white px-2 py-1"
          >
            {password}
          </code>
        </div>
      ) : null}
    </section>
  );
}
