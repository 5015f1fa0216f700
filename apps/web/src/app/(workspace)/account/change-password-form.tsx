"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { inputClass, primaryButtonClass } from "@/components/button-styles";
import { FormAlert } from "@/components/form-alert";
import { sendJson } from "@/components/send-json";

export function ChangePasswordForm() {
  const router = useRouter();
  const [result, setResult] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setIsPending(true);
    const response = await sendJson("POST", "/api/me/password", {
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
    });
    setIsPending(false);
    if (!response.ok) return setResult({ tone: "error", message: response.message });
    setResult({ tone: "success", message: "Password changed. Your other sessions have been signed out." });
    formElement.reset();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4" noValidate>
      {result ? (
        <FormAlert tone={result.tone} testId="password-result">
          {result.message}
        </FormAlert>
      ) : null}
      <div>
        <label htmlFor="currentPassword" className="block text-sm font-medium text-slate-700">
          Current password
        </label>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          className={`${inputClass} mt-1.5`}
        />
      </div>
      <div>
        <label htmlFor="newPassword" className="block text-sm font-medium text-slate-700">
          New password (at least 12 characters)
        </label>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          className={`${inputClass} mt-1.5`}
        />
      </div>
      <button type="submit" disabled={isPending} className={primaryButtonClass}>
        {isPending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
