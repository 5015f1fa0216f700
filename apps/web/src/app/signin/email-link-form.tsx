"use client";

import { useState, type FormEvent } from "react";
import { inputClass, secondaryButtonClass } from "@/components/button-styles";
import { FormAlert } from "@/components/form-alert";

const SENT = "If an account with that email exists here, we've sent it a sign-in link. Check your inbox.";

/** Asks Auth.js's Email provider on this host for a sign-in link (csrf, then `signin/nodemailer`). */
export function EmailLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [result, setResult] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setIsPending(true);
    try {
      const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
      const response = await fetch("/api/auth/signin/nodemailer", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
        body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, callbackUrl }),
      });
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      setResult(
        response.ok
          ? { tone: "success", message: SENT }
          : { tone: "error", message: body.error?.message ?? "Try again in a moment." },
      );
    } catch {
      setResult({ tone: "error", message: "Try again in a moment." });
    }
    setIsPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate data-testid="email-link-form">
      {result ? (
        <FormAlert tone={result.tone} testId="email-link-result">
          {result.message}
        </FormAlert>
      ) : null}
      <label htmlFor="link-email" className="block text-sm font-medium text-slate-700">
        Prefer a one-time sign-in link? Enter your address
      </label>
      <input id="link-email" name="email" type="email" autoComplete="username" required className={inputClass} />
      <button type="submit" disabled={isPending} className={`${secondaryButtonClass} w-full`}>
        {isPending ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
