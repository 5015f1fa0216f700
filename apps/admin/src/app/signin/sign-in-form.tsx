"use client";
// Posts to Auth.js's own endpoints on this host (csrf, then callback/credentials) and on
// success navigates fully so the proxy sees the new cookie.
import { useState, type FormEvent } from "react";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { ErrorBanner } from "@/components/error-banner";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password don't match. Check both and try again.",
  account_disabled: "This operator account is disabled.",
};
const GENERIC = "We couldn't sign you in just now. Try again in a moment.";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
        body: new URLSearchParams({
          csrfToken: csrf.csrfToken,
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          callbackUrl,
        }),
      });
      const body = (await response.json().catch(() => ({}))) as { url?: string; error?: { message?: string } };
      // 429 (too many attempts, says how long to wait) and 503 come from the brute-force limiter
      // in front of Auth.js, with a message written for people.
      if (!response.ok) throw new Error(body.error?.message ?? GENERIC);
      const url = new URL(body.url ?? "/signin?error=missing", window.location.href);
      const failure = url.searchParams.get("code") ?? url.searchParams.get("error");
      if (failure) throw new Error(MESSAGES[failure] ?? MESSAGES[url.searchParams.get("error") ?? ""] ?? GENERIC);
      window.location.assign(callbackUrl);
    } catch (e) {
      setError(e instanceof Error ? e.message : GENERIC);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 text-sm" noValidate>
      <ErrorBanner message={error} />
      <label className="block">
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className={`${INPUT_STYLE} mt-1 block w-full`}
        />
      </label>
      <label className="block">
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={`${INPUT_STYLE} mt-1 block w-full`}
        />
      </label>
      <button type="submit" disabled={pending} className={`${BUTTON_STYLES.primary} w-full justify-center`}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
