import { StatusPage } from "@/components/status-page";

export default function Forbidden() {
  return (
    <StatusPage
      code="403"
      title="You don't have access to this page"
      action={{ href: "/", label: "Back to the dashboard" }}
    >
      <p data-testid="forbidden-message">
        Your role in this workspace does not include the permission this page needs. If you think you should have
        access, ask a workspace owner or your administrator to change your role.
      </p>
    </StatusPage>
  );
}
