"use client";

import { useState } from "react";

/**
 * Starts an identity-provider sign-in: Auth.js's `POST /api/auth/signin/<provider>` on this host
 * (CSRF token + callbackUrl), then a full navigation to the IdP it answers with.
 */
export function SsoButtons({
  buttons,
  callbackUrl,
}: {
  buttons: { id: string; label: string }[];
  callbackUrl: string;
}) {
  const [pending, setPending] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  async function start(providerId: string) {
    setPending(providerId);
    setFailed(false);
    try {
      const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
      const response = await fetch(`/api/auth/signin/${providerId}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
        body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl }),
      });
      const { url } = (await response.json()) as { url?: string };
      if (!response.ok || !url) throw new Error("no redirect");
      window.location.assign(url);
    } catch {
      setFailed(true);
      setPending(null);
    }
  }

  if (buttons.length === 0) return null;
  return (
    <div className="mt-5 space-y-3 border-t border-slate-200 pt-5">
      {failed ? (
        <p role="alert" className="text-sm text-red-700">
          We couldn&apos;t reach your identity provider. Please try again.
        </p>
      ) : null}
      {buttons.map((button) => (
        <button
          key={button.id}
          type="button"
          data-testid={`signin-with-${button.id}`}
          disabled={pending !== null}
          onClick={() => void start(button.id)}
          className="w-full rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60"
        >
          {pending === button.id ? "Redirecting…" : button.label}
        </button>
      ))}
    </div>
  );
}
