import { notFound } from "next/navigation";

// Rewrite target of the proxy for hosts that name no tenant: 404 with the message beside it.
export const dynamic = "force-dynamic";

export default function TenantNotFoundStatusPage() {
  notFound();
}
