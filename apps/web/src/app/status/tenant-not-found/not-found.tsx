import { StatusPage } from "@/components/status-page";

export default function TenantNotFound() {
  return (
    <StatusPage code="404" title="No workspace at this address">
      <p data-testid="tenant-not-found">
        There is no workspace here. Check the address you were given — it looks like{" "}
        <code>your-company.example.com</code> — or ask your administrator for the right link.
      </p>
    </StatusPage>
  );
}
