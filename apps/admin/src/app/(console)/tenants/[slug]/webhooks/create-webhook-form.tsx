"use client";
// Adds a webhook endpoint. The signing secret is shown ONCE, here.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { ApiClientError, callApi } from "@/components/call-api";
import { ErrorBanner } from "@/components/error-banner";

type Created = { id: string; secret: string };

export function CreateWebhookForm({ slug, eventTypes }: { slug: string; eventTypes: readonly string[] }) {
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
    try {
      const result = await callApi<Created>("POST", `/tenants/${slug}/webhooks`, {
        url: String(form.get("url") ?? ""),
        events: form.getAll("events").map(String),
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
      <h2 className="mb-3 text-sm font-semibold">Add a webhook endpoint</h2>
      <form action={submit} className="space-y-3 text-sm">
        <label className="block">
          Endpoint URL
          <input
            name="url"
            type="url"
            required
            placeholder="https://example.com/webhooks"
            className={`${INPUT_STYLE} mt-1 w-full`}
          />
        </label>
        {fields.url ? <p className="text-xs text-red-700">{fields.url.join(" ")}</p> : null}
        <fieldset>
          <legend className="mb-1">Events</legend>
          {eventTypes.map((type) => (
            <label key={type} className="flex items-center gap-2">
              <input type="checkbox" name="events" value={type} defaultChecked />{" "}
              <code className="text-xs">{type}</code>
            </label>
          ))}
        </fieldset>
        {fields.events ? <p className="text-xs text-red-700">{fields.events.join(" ")}</p> : null}
        <ErrorBanner message={error} />
        <button type="submit" className={BUTTON_STYLES.primary} disabled={pending}>
          {pending ? "Adding…" : "Add endpoint"}
        </button>
      </form>
      {created ? (
        <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p>Endpoint added. Signing secret (shown once — copy it into your receiver now):</p>
          <code data-testid="webhook-secret" className="mt-2 block select-all break-all rounded bg-white px-2 py-1">
            {created.secret}
          </code>
        </div>
      ) : null}
    </section>
  );
}
