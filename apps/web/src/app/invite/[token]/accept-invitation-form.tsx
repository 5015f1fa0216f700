"use client";

import { useState, type FormEvent } from "react";
import { inputClass, primaryButtonClass } from "@/components/button-styles";
import { credentialsSignIn } from "@/components/credentials-sign-in";
import { FormAlert } from "@/components/form-alert";
import { sendJson } from "@/components/send-json";

/** New account: name + password. Existing account with this email: its password ("sign in to accept"). */
export function AcceptInvitationForm({
  token,
  email,
  hasAccount,
}: {
  token: string;
  email: string;
  hasAccount: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setIsPending(true);
    setError(null);
    const body = hasAccount ? { token, password } : { token, name: String(form.get("name") ?? ""), password };
    const accepted = await sendJson("POST", "/api/invitations/accept", body);
    if (!accepted.ok) {
      setError(accepted.message);
      setIsPending(false);
      return;
    }
    if (await credentialsSignIn(email, password, "/")) {
      window.location.assign("/");
      return;
    }
    window.location.assign("/signin");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <FormAlert tone="error" testId="invite-error">
          {error}
        </FormAlert>
      ) : null}
      {hasAccount ? (
        <p className="text-sm text-slate-600">You already have an account here: enter its password to accept.</p>
      ) : (
        <div>
          <label htmlFor="name" className="block text-sm font-medium text-slate-700">
            Your name
          </label>
          <input
            id="name"
            name="name"
            autoComplete="name"
            required
            maxLength={120}
            className={`${inputClass} mt-1.5`}
          />
        </div>
      )}
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {hasAccount ? "Password" : "Choose a password (at least 12 characters)"}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={hasAccount ? "current-password" : "new-password"}
          required
          minLength={hasAccount ? 1 : 12}
          className={`${inputClass} mt-1.5`}
        />
      </div>
      <button type="submit" disabled={isPending} className={`${primaryButtonClass} w-full`}>
        {isPending ? "Joining…" : "Accept and sign in"}
      </button>
    </form>
  );
}
