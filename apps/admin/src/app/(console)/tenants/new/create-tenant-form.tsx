"use client";
// Tenant creation with visible progress. Provisioning runs inside the POST; the steps shown
// are the provisioning phases, advanced while the request runs and settled by its outcome.
import Link from "next/link";
import { useEffect, useState } from "react";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { ApiClientError, callApi } from "@/components/call-api";
import { ErrorBanner } from "@/components/error-banner";

const STEPS = ["Validate slug", "Create database", "Apply migrations", "Seed built-in roles", "Register tenant"] as const;
type Phase = { state: "idle" } | { state: "running"; step: number } | { state: "done"; slug: string } | { state: "failed" };

export function CreateTenantForm() {
  const [phase, setPhase] = useState<Phase>({ state: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});

  useEffect(() => {
    if (phase.state !== "running") return;
    const timer = setInterval(() => {
      setPhase((p) => (p.state === "running" && p.step < STEPS.length - 1 ? { state: "running", step: p.step + 1 } : p));
    }, 450);
    return () => clearInterval(timer);
  }, [phase.state]);

  async function submit(form: FormData) {
    setError(null);
    setFields({});
    setPhase({ state: "running", step: 0 });
    const server = String(form.get("server") ?? "").trim();
    try {
      const { tenant } = await callApi<{ tenant: { slug: string } }>("POST", "/tenants", {
        slug: String(form.get("slug") ?? ""),
        name: String(form.get("name") ?? ""),
        ...(server ? { server } : {}),
      });
      setPhase({ state: "done", slug: tenant.slug });
    } catch (e) {
      setPhase({ state: "failed" });
      setError(e instanceof Error ? e.message : String(e));
      if (e instanceof ApiClientError && e.fields) setFields(e.fields);
    }
  }

  const running = phase.state === "running";
  return (
    <div className="grid max-w-3xl gap-8 md:grid-cols-2">
      <form action={submit} className="space-y-4">
        <Field label="Slug" name="slug" hint="Subdomain: 3–32 lowercase letters, digits, dashes" errors={fields.slug} disabled={running} />
        <Field label="Name" name="name" hint="Shown to the tenant's users" errors={fields.name} disabled={running} />
        <Field label="Database server (optional)" name="server" hint="Leave empty for automatic placement" errors={fields.server} disabled={running} />
        <ErrorBanner message={error} />
        <button type="submit" className={BUTTON_STYLES.primary} disabled={running}>
          {running ? "Provisioning…" : "Create tenant"}
        </button>
      </form>
      <section aria-label="Provisioning progress" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-sm font-semibold">Provisioning</h2>
        <ol className="space-y-2 text-sm">
          {STEPS.map((label, i) => (
            <li key={label} className="flex items-center gap-2">
              <StepIcon state={stepState(phase, i)} />
              <span className={stepState(phase, i) === "pending" ? "text-slate-400" : ""}>{label}</span>
            </li>
          ))}
        </ol>
        {phase.state === "done" ? (
          <p role="status" className="mt-4 text-sm text-emerald-800">
            Tenant <strong>{phase.slug}</strong> is active.{" "}
            <Link className="underline" href={`/tenants/${phase.slug}`}>Open it</Link>
          </p>
        ) : null}
        {phase.state === "failed" ? <p className="mt-4 text-sm text-red-700">Nothing was left behind; fix the problem and retry.</p> : null}
      </section>
    </div>
  );
}

function stepState(phase: Phase, i: number): "pending" | "running" | "done" | "failed" {
  if (phase.state === "done") return "done";
  if (phase.state === "running") return i < phase.step ? "done" : i === phase.step ? "running" : "pending";
  if (phase.state === "failed") return "failed";
  return "pending";
}

function StepIcon({ state }: { state: ReturnType<typeof stepState> }) {
  const cls = { pending: "bg-slate-200", running: "animate-pulse bg-sky-500", done: "bg-emerald-500", failed: "bg-red-400" }[state];
  return <span aria-label={state} className={`inline-block h-2.5 w-2.5 rounded-full ${cls}`} />;
}

function Field(props: { label: string; name: string; hint: string; errors?: string[]; disabled: boolean }) {
  return (
    <label className="block text-sm">
      <span className="font-medium">{props.label}</span>
      <input name={props.name} disabled={props.disabled} className={`${INPUT_STYLE} mt-1 w-full`} autoComplete="off" />
      <span className="mt-1 block text-xs text-slate-500">{props.hint}</span>
      {props.errors?.map((m) => (
        <span key={m} className="mt-1 block text-xs text-red-700">{m}</span>
      ))}
    </label>
  );
}
