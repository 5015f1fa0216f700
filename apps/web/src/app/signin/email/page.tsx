import { notFound } from "next/navigation";
import { primaryButtonClass } from "@/components/button-styles";
import { PublicPanel } from "@/components/public-panel";
import { SuspendedNotice } from "@/components/suspended-notice";
import { sanitizeCallbackUrl } from "@repo/auth/callback-url";
import { getHostTenant, readAppOrigin } from "@/server/request-session";

export const dynamic = "force-dynamic";
// The token is in the URL: never send it to another site in a Referer. ("no-referrer" would make
// browsers send `Origin: null` on the form POST, which the Origin check refuses.)
export const metadata = { title: "Confirm sign-in", referrer: "same-origin" } as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * Where a sign-in link lands. Opening it changes nothing (mail scanners open links); the button
 * POSTs the token to Auth.js's email callback on this host, which signs in and uses the link up.
 */
export default async function ConfirmEmailSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const tenant = await getHostTenant();
  if (!tenant) notFound();
  if (tenant.status === "suspended") return <SuspendedNotice tenantName={tenant.name} />;
  const params = await searchParams;
  const email = first(params.email);
  const query = new URLSearchParams({
    callbackUrl: sanitizeCallbackUrl(first(params.callbackUrl), { origin: await readAppOrigin() }),
    token: first(params.token),
    email,
  });
  return (
    <PublicPanel tenantName={tenant.name} title={`Sign in to ${tenant.name}`}>
      <p className="text-sm text-slate-600">
        Continue as <strong data-testid="confirm-email">{email}</strong>?
      </p>
      <form method="post" action={`/api/auth/callback/nodemailer?${query}`}>
        <button type="submit" className={`${primaryButtonClass} w-full`}>
          Sign in
        </button>
      </form>
    </PublicPanel>
  );
}
