import Link from "next/link";
import { notFound } from "next/navigation";
import { inspectInvitation } from "@repo/auth/identity";
import { FormAlert } from "@/components/form-alert";
import { PublicPanel } from "@/components/public-panel";
import { SuspendedNotice } from "@/components/suspended-notice";
import { getHostTenant } from "@/server/request-session";
import { AcceptInvitationForm } from "./accept-invitation-form";
import { getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";
// The token is in the URL: never send it to another site in a Referer. ("no-referrer" would make
// browsers send `Origin: null` on the form POST, which the Origin check refuses.)
export const metadata = { title: "Accept invitation", referrer: "same-origin" } as const;

const CLOSED: Record<string, string> = {
  accepted: "This invitation has already been accepted. Sign in with your email and password.",
  expired: "This invitation has expired. Ask the person who invited you to send a new one.",
  revoked: "This invitation was withdrawn. Ask an owner or admin of this workspace for a new one.",
};

/** The invitee's page on the tenant host. Viewing never consumes the link; only the form's POST does. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const tenant = await getHostTenant();
  if (!tenant) notFound();
  if (tenant.status === "suspended") return <SuspendedNotice tenantName={tenant.name} />;
  const { token } = await params;
  const invitation = await inspectInvitation(getTenantDb(tenant.id), token);

  return (
    <PublicPanel tenantName={tenant.name} title={`Join ${tenant.name}`}>
      {!invitation ? (
        <FormAlert tone="error" testId="invite-status">
          This invitation link is not valid here. Check that you opened the whole link from your email.
        </FormAlert>
      ) : invitation.status !== "pending" ? (
        <>
          <FormAlert tone="error" testId="invite-status">
            {CLOSED[invitation.status]!}
          </FormAlert>
          <Link href="/signin" className="block text-center text-sm font-semibold text-indigo-600">
            Go to sign-in
          </Link>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            You&apos;ve been invited to {tenant.name} as <strong data-testid="invite-email">{invitation.email}</strong>.
          </p>
          <AcceptInvitationForm token={token} email={invitation.email} hasAccount={invitation.hasAccount} />
        </>
      )}
    </PublicPanel>
  );
}
