"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { callApi } from "@/components/call-api";
import { ErrorBanner } from "@/components/error-banner";

export function CreateApiTokenForm() {
  const router = useRouter();
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(null);
    setToken(null);
    try {
      const { token: created } = await callApi<{ token: { token: string } }>("POST", "/api-tokens", {
        name: String(form.get("name") ?? ""),
        scope: String(form.get("scope") ?? "read"),
        expiresInDays: Number(form.get("expiresInDays") ?? 30),
      });
      setToken(created.token);
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
          Name
          <input name="name" required placeholder="ci-provisioner" className={`${INPUT_STYLE} mt-1 block w-56`} />
        </label>
        <label>
          Scope
          <select name="scope" defaultValue="read" className={`${INPUT_STYLE} mt-1 block`}>
            <option value="read">read</option>
            <option value="write">write</option>
          </select>
        </label>
        <label>
          Expires in (days)
          <input
            name="expiresInDays"
            type="number"
            min={1}
            max={365}
            defaultValue={30}
            className={`${INPUT_STYLE} mt-1 block w-28`}
          />
        </label>
        <button type="submit" className={BUTTON_STYLES.primary} disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
      <div className="mt-3">
        <ErrorBanner message={error} />
      </div>
      {token ? (
        <div role="status" className="mt-3 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          Copy this token now — it is not shown again:
          <code data-testid="new-api-token" className="mt-2 block select-all break-all rounded bg-white px-2 py-1">
            {token}
          </code>
        </div>
      ) : null}
    </section>
  );
}
