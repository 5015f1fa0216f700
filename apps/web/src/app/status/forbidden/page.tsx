import { forbidden } from "next/navigation";

// Rewrite target of the proxy when the route policy denies a page: renders app/forbidden.tsx
// with status 403 while the browser keeps the URL it asked for.
export const dynamic = "force-dynamic";

export default function ForbiddenStatusPage() {
  forbidden();
}
