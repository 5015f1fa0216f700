"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { inputClass, primaryButtonClass } from "@/components/button-styles";
import { FormAlert } from "@/components/form-alert";
import { sendJson } from "@/components/send-json";

export function ResetPasswordForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isDone, setIsDone] = useState(false);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setIsPending(true);
    setError(null);
    const response = await sendJson("POST", "/api/auth/password/reset", { token, password });
    setIsPending(false);
    if (response.ok) setIsDone(true);
    else setError(response.message);
  }

  if (isDone) {
    return (
      <>
        <FormAlert tone="success" testId="reset-result">
          Your password has been changed. Sign in with the new one.
        </FormAlert>
        <Link href="/signin" className="block text-center text-sm font-semibold text-indigo-600">
          Go to sign-in
        </Link>
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <FormAlert tone="error" testId="reset-error">
          {error}
        </FormAlert>
      ) : null}
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          New password (at least 12 characters)
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          className={`${inputClass} mt-1.5`}
        />
      </div>
      <button type="submit" disabled={isPending} className={`${primaryButtonClass} w-full`}>
        {isPending ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
