import Link from "next/link";
import { notFound } from "next/navigation";
import { SuspendedNotice } from "@/components/suspended-notice";
import { sanitizeCallbackUrl } from "@repo/auth/callback-url";
import { getHostTenant, readAppOrigin } from "@/server/request-session";
import { getOptionalSession } from "@/server/page-session";
import { listSignInButtons } from "@/server/sso/list-sign-in-providers";
import { signInErrorMessage } from "./sign-in-messages";
import { EmailLinkForm } from "./email-link-form";
import { SignInForm } from "./sign-in-form";
import { SsoButtons } from "./sso-buttons";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Per-tenant sign-in: the host decides the tenant; unknown → 404, suspended → notice. */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const tenant = await getHostTenant();
  if (!tenant) notFound();
  if (tenant.status === "suspended") return <SuspendedNotice tenantName={tenant.name} />;

  const params = await searchParams;
  const callbackUrl = sanitizeCallbackUrl(first(params.callbackUrl), { origin: await readAppOrigin() });
  // Auth.js redirects here with ?error=… when a non-JS post fails; never echo its text.
  const initialError = signInErrorMessage(first(params.error), first(params.code));
  const ssoButtons = tenant.status === "active" ? await listSignInButtons(tenant.id) : [];
  // Already signed in: offer the way on instead of redirecting, so a session the proxy
  // rejects can never bounce between here and a protected page.
  const session = await getOptionalSession();

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <span className="mx-auto flex size-12 items-center justify-center rounded-xl bg-indigo-600 text-lg font-bold text-white">
            {tenant.name.slice(0, 1).toUpperCase()}
          </span>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">
            Sign in to <span data-testid="signin-tenant-name">{tenant.name}</span>
          </h1>
          <p className="mt-1 text-sm text-slate-500">Use the account your {tenant.name} administrator gave you.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {session ? (
            <p className="mb-5 rounded-lg bg-indigo-50 px-4 py-3 text-sm text-indigo-800">
              You are already signed in as {session.user.email}.{" "}
              <Link href={callbackUrl} className="font-semibold underline">
                Continue
              </Link>
            </p>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
          <SsoButtons buttons={ssoButtons} callbackUrl={callbackUrl} />
          <Link
            href="/forgot-password"
            className="mt-4 block text-center text-sm font-medium text-indigo-600"
            data-testid="forgot-password-link"
          >
            Forgot your password?
          </Link>
          <div className="mt-6 border-t border-slate-100 pt-5">
            <EmailLinkForm callbackUrl={callbackUrl} />
          </div>
        </div>
      </div>
    </main>
  );
}
