import { headers } from "next/headers";
import { sanitizeCallbackUrl } from "@repo/auth/callback-url";
import { SignInForm } from "./sign-in-form";
import { getSettings } from "@/server/admin-root";

export const metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  account_disabled: "This operator account is disabled.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  // Resolved against the console's own origin: only a destination on it survives (no open redirect).
  const origin = `${getSettings().secureCookies ? "https" : "http"}://${(await headers()).get("host") ?? "invalid.localhost"}`;
  const callbackUrl = sanitizeCallbackUrl(params.callbackUrl, { origin });
  const initialError = params.code
    ? (ERRORS[params.code] ?? null)
    : params.error
      ? "Sign-in failed. Check your email and password."
      : null;
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight">Operator console</h1>
        <p className="mb-5 mt-1 text-sm text-slate-600">Sign in with your operator account.</p>
        <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
      </div>
    </main>
  );
}
