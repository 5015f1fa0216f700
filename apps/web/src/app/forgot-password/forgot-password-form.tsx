"use client";

import { useState, type FormEvent } from "react";
import { inputClass, primaryButtonClass } from "@/components/button-styles";
import { FormAlert } from "@/components/form-alert";
import { sendJson } from "@/components/send-json";

export function ForgotPasswordForm() {
  const [result, setResult] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setIsPending(true);
    const response = await sendJson<{ message: string }>("POST", "/api/auth/password/forgot", { email });
    setResult(
      response.ok ? { tone: "success", message: response.body.message } : { tone: "error", message: response.message },
    );
    setIsPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {result ? (
        <FormAlert tone={result.tone} testId="forgot-result">
          {result.message}
        </FormAlert>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className={`${inputClass} mt-1.5`}
        />
      </div>
      <button type="submit" disabled={isPending} className={`${primaryButtonClass} w-full`}>
        {isPending ? "Sending…" : "Send reset link"}
      </button>
    </form>
  );
}
