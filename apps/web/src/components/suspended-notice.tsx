import { StatusPage } from "./status-page";

/** The notice shown on every page of a suspended tenant (including sign-in). */
export function SuspendedNotice({ tenantName }: { tenantName?: string }) {
  return (
    <StatusPage code="Suspended" title={tenantName ? `${tenantName} is suspended` : "This workspace is suspended"}>
      <p data-testid="tenant-suspended">
        Access to this workspace has been paused by the platform operators, so nobody can sign in right now. Your data
        is safe. Please contact your administrator or our support team to restore access.
      </p>
    </StatusPage>
  );
}
