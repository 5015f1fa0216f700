import { forbidden } from "next/navigation";

// Rewrite target of the proxy for every page of a suspended tenant: 403 + the suspended notice.
export const dynamic = "force-dynamic";

export default function SuspendedStatusPage() {
  forbidden();
}
