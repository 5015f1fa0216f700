import { notFound } from "next/navigation";
import { PublicPanel } from "@/components/public-panel";
import { SuspendedNotice } from "@/components/suspended-notice";
import { getHostTenant } from "@/server/request-session";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";
// The token is in the URL: never send it to another site in a Referer. ("no-referrer" would make
// browsers send `Origin: null` on the form POST, which the Origin check refuses.)
export const metadata = { title: "Choose a new password", referrer: "same-origin" } as const;

/** Opening the link changes nothing (mail scanners may open it); only the form's POST uses it. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const tenant = await getHostTenant();
  if (!tenant) notFound();
  if (tenant.status === "suspended") return <SuspendedNotice tenantName={tenant.name} />;
  const { token } = await params;
  return (
    <PublicPanel tenantName={tenant.name} title="Choose a new password">
      <p className="text-sm text-slate-600">
        Setting a new password signs you out of {tenant.name} on every other device.
      </p>
      <ResetPasswordForm token={token} />
    </PublicPanel>
  );
}
