"use client";

import { useEffect, useState, type FormEvent } from "react";
import { inputClass, primaryButtonClass } from "@/components/button-styles";
import { GENERIC_SIGN_IN_FAILURE as GENERIC_FAILURE, signInErrorMessage } from "./sign-in-messages";

type ErrorBody = { error?: { code?: string; message?: string } };

/**
 * Posts to Auth.js's own endpoints on this host (`/api/auth/csrf`, then
 * `/api/auth/callback/credentials`) and, on success, does a full navigation to the already
 * sanitized `callbackUrl` so the proxy sees the new cookie (no sign-in loop).
 */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [isPending, setIsPending] = useState(false);
  // Until hydration the submit handler isn't attached; a native submit must not happen.
  const [isReady, setIsReady] = useState(false);
  useEffect(() => setIsReady(true), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
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
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as ErrorBody;
        setError(body.error?.message ?? GENERIC_FAILURE);
        setIsPending(false);
        return;
      }
      const { url } = (await response.json()) as { url?: string };
      const failureParams = url ? new URL(url, window.location.href).searchParams : null;
      const failure = failureParams ? failureParams.get("error") : "missing";
      if (failure) {
        setError(signInErrorMessage(failure, failureParams?.get("code")) ?? GENERIC_FAILURE);
        setIsPending(false);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError(GENERIC_FAILURE);
      setIsPending(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-5" noValidate>
      {error ? (
        <div
          role="alert"
          data-testid="signin-error"
          className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700 ring-1 ring-red-200"
        >
          {error}
        </div>
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
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={`${inputClass} mt-1.5`}
        />
      </div>
      <button type="submit" disabled={isPending || !isReady} className={`${primaryButtonClass} w-full`}>
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
