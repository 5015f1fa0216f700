"use client";
import { useState } from "react";
import { BUTTON_STYLES } from "@/components/button-styles";

export function SignOutForm() {
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as {
      csrfToken: string;
    };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/signin" }),
    });
    window.location.assign("/signin");
  }
  return (
    <div className="flex gap-2">
      <button type="button" className={BUTTON_STYLES.primary} disabled={pending} onClick={signOut}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
      <a className={BUTTON_STYLES.secondary} href="/">
        Cancel
      </a>
    </div>
  );
}
