"use client";

// Type-only: the role registry (and zod) stays out of the client bundle.
import type { BuiltinRoleKey } from "@repo/auth/rbac";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { inputClass, primaryButtonClass } from "@/components/button-styles";
import { FormAlert } from "@/components/form-alert";
import { sendJson } from "@/components/send-json";

/** Invites by email with one role; only roles the inviter can grant are offered (the API checks too). */
export function InviteMemberForm({ roles }: { roles: { key: string; name: string }[] }) {
  const router = useRouter();
  const [result, setResult] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get("email") ?? "");
    setIsPending(true);
    const response = await sendJson<{ emailSent: boolean }>("POST", "/api/invitations", {
      email,
      roles: [String(form.get("role") ?? "")],
    });
    setIsPending(false);
    if (!response.ok) return setResult({ tone: "error", message: response.message });
    setResult(
      response.body.emailSent
        ? { tone: "success", message: `Invitation sent to ${email}.` }
        : { tone: "error", message: `Invitation created, but the email to ${email} could not be sent. Use "Resend".` },
    );
    formElement.reset();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate data-testid="invite-form">
      {result ? (
        <FormAlert tone={result.tone} testId="invite-result">
          {result.message}
        </FormAlert>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <label htmlFor="invite-email" className="block text-sm font-medium text-slate-700">
            Email
          </label>
          <input id="invite-email" name="email" type="email" required className={`${inputClass} mt-1.5`} />
        </div>
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-700">
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            className={`${inputClass} mt-1.5`}
            defaultValue={roles.find((r) => r.key === ("member" satisfies BuiltinRoleKey))?.key ?? roles[0]?.key}
          >
            {roles.map((role) => (
              <option key={role.key} value={role.key}>
                {role.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={isPending} className={primaryButtonClass}>
          {isPending ? "Inviting…" : "Invite"}
        </button>
      </div>
    </form>
  );
}
