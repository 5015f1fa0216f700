"use client";
// Tenant creation with REAL progress: the POST asks for an NDJSON stream and each line is a
// provisioning step that has completed on the server (see POST /api/v1/tenants). Errors say
// what happened and what to do: invalid or taken slug (next to the field), server down.
import Link from "next/link";
import { useState } from "react";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { ApiClientError } from "@/components/call-api";
import { ErrorBanner } from "@/components/error-banner";
import { streamApi } from "@/components/stream-api";

/** Server steps (as streamed) in order, with what the operator sees. */
const STEPS = [
  { step: "row-inserted", label: "Reserve slug" },
  { step: "database-created", label: "Create database" },
  { step: "migrated", label: "Apply migrations" },
  { step: "roles-seeded", label: "Seed built-in roles" },
  { step: "active", label: "Activate tenant" },
] as const;
type Step = (typeof STEPS)[number]["step"];

type Phase =
  | { state: "idle" }
  | { state: "running"; completed: number }
  | { state: "done"; slug: string }
  /** `started`: the server began provisioning (a stream arrived) — else it was refused up front. */
  | { state: "failed"; completed: number; started: boolean };

type ProgressLine = {
  step?: Step;
  tenant?: { slug: string };
  error?: { code: string; message: string; fields?: Record<string, string[]> };
};

export function CreateTenantForm() {
  const [phase, setPhase] = useState<Phase>({ state: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});

  async function submit(form: FormData) {
    setError(null);
    setFields({});
    setPhase({ state: "running", completed: 0 });
    const server = String(form.get("server") ?? "").trim();
    let completed = 0;
    let started = false;
    let outcome: ProgressLine | null = null;
    try {
      const body = {
        slug: String(form.get("slug") ?? ""),
        name: String(form.get("name") ?? ""),
        ...(server ? { server } : {}),
      };
      await streamApi("/tenants", body, (raw) => {
        const line = raw as ProgressLine;
        started = true;
        if (line.step) {
          completed = Math.max(completed, STEPS.findIndex((s) => s.step === line.step) + 1);
          setPhase({ state: "running", completed });
        } else if (line.tenant || line.error) {
          outcome = line;
        }
      });
    } catch (e) {
      outcome =
        e instanceof ApiClientError
          ? { error: { code: e.code, message: e.message, fields: e.fields } }
          : { error: { code: "unknown", message: String(e) } };
    }
    const final = outcome as ProgressLine | null;
    if (final?.tenant) {
      setPhase({ state: "done", slug: final.tenant.slug });
      return;
    }
    setPhase({ state: "failed", completed, started });
    const failure = final?.error ?? {
      code: "incomplete",
      message: "The server stopped answering before provisioning finished. Check the tenant list before retrying.",
    };
    setError(describeError(failure));
    if (failure.fields) setFields(failure.fields);
  }

  const running = phase.state === "running";
  return (
    <div className="grid max-w-3xl gap-8 md:grid-cols-2">
      <form action={submit} className="space-y-4">
        <Field
          label="Slug"
          name="slug"
          hint="Subdomain: 3–32 lowercase letters, digits, dashes"
          errors={fields.slug}
          disabled={running}
        />
        <Field label="Name" name="name" hint="Shown to the tenant's users" errors={fields.name} disabled={running} />
        <Field
          label="Database server (optional)"
          name="server"
          hint="Leave empty for automatic placement"
          errors={fields.server}
          disabled={running}
        />
        <ErrorBanner message={error} />
        <button type="submit" className={BUTTON_STYLES.primary} disabled={running}>
          {running ? "Provisioning…" : "Create tenant"}
        </button>
      </form>
      <section aria-label="Provisioning progress" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-sm font-semibold">Provisioning</h2>
        <ol className="space-y-2 text-sm">
          {STEPS.map(({ step, label }, i) => (
            <li key={step} data-step={step} data-state={stepState(phase, i)} className="flex items-center gap-2">
              <StepIcon state={stepState(phase, i)} />
              <span className={stepState(phase, i) === "pending" ? "text-slate-400" : ""}>{label}</span>
            </li>
          ))}
        </ol>
        {phase.state === "done" ? (
          <p role="status" className="mt-4 text-sm text-emerald-800">
            Tenant <strong>{phase.slug}</strong> is active.{" "}
            <Link className="underline" href={`/tenants/${phase.slug}`}>
              Open it
            </Link>
          </p>
        ) : null}
        {phase.state === "failed" && phase.completed > 0 ? (
          <p className="mt-4 text-sm text-red-700">
            Provisioning was rolled back and the tenant was not activated. Fix the problem and retry.
          </p>
        ) : null}
      </section>
    </div>
  );
}

/** Operator-facing text for a failure, by code (never by message). */
function describeError(error: { code: string; message: string; fields?: Record<string, string[]> }): string {
  switch (error.code) {
    case "conflict":
      return error.fields?.slug ? `${error.message} Pick another slug.` : error.message;
    case "service_unavailable":
      return `${error.message} The database server may be down: retry later or choose another server.`;
    default:
      return error.message;
  }
}

function stepState(phase: Phase, i: number): "pending" | "running" | "done" | "failed" {
  if (phase.state === "done") return "done";
  if (phase.state === "idle" || (phase.state === "failed" && !phase.started)) return "pending";
  if (i < phase.completed) return "done";
  if (i === phase.completed) return phase.state === "running" ? "running" : "failed";
  return "pending";
}

function StepIcon({ state }: { state: ReturnType<typeof stepState> }) {
  const cls = {
    pending: "bg-slate-200",
    running: "animate-pulse bg-sky-500",
    done: "bg-emerald-500",
    failed: "bg-red-400",
  }[state];
  return <span aria-label={state} className={`inline-block h-2.5 w-2.5 rounded-full ${cls}`} />;
}

function Field(props: { label: string; name: string; hint: string; errors?: string[]; disabled: boolean }) {
  return (
    <label className="block text-sm">
      <span className="font-medium">{props.label}</span>
      <input name={props.name} disabled={props.disabled} className={`${INPUT_STYLE} mt-1 w-full`} autoComplete="off" />
      <span className="mt-1 block text-xs text-slate-500">{props.hint}</span>
      {props.errors?.map((m) => (
        <span key={m} className="mt-1 block text-xs text-red-700">
          {m}
        </span>
      ))}
    </label>
  );
}
