import { StatusPage } from "@/components/status-page";

export default function NotFound() {
  return (
    <StatusPage code="404" title="Page not found" action={{ href: "/", label: "Go to the dashboard" }}>
      <p>The page you asked for does not exist or has moved. Check the address, or start again from the dashboard.</p>
    </StatusPage>
  );
}
