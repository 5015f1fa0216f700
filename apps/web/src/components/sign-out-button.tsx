"use client";

import { useState } from "react";

/**
 * Signs out through Auth.js's own endpoint (`POST /api/auth/signout` with its CSRF token), which
 * revokes the session server-side before clearing the cookie; then goes to sign-in.
 */
export function SignOutButton() {
  const [isPending, setIsPending] = useState(false);
  const [hasFailed, setHasFailed] = useState(false);

  async function signOut() {
    setIsPending(true);
    setHasFailed(false);
    try {
      const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
      const response = await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
        body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: "/signin" }),
      });
      if (!response.ok) throw new Error(`sign-out failed: ${response.status}`);
      window.location.assign("/signin");
    } catch {
      setHasFailed(true);
      setIsPending(false);
    }
  }

  return (
    <button
      type="button"
      onClick={signOut}
      disabled={isPending}
      title={hasFailed ? "Sign-out failed. Please try again." : undefined}
      className="rounded-lg px-3 py-1.5 text-sm font-medium text-slate-600 ring-1 ring-slate-200 transition hover:bg-slate-50 hover:text-slate-900 disabled:opacity-60"
    >
      {isPending ? "Signing out…" : hasFailed ? "Retry sign out" : "Sign out"}
    </button>
  );
}
