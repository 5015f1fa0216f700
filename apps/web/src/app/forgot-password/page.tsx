import Link from "next/link";
import { notFound } from "next/navigation";
import { PublicPanel } from "@/components/public-panel";
import { SuspendedNotice } from "@/components/suspended-notice";
import { getHostTenant } from "@/server/request-session";
import { ForgotPasswordForm } from "./forgot-password-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage() {
  const tenant = await getHostTenant();
  if (!tenant) notFound();
  if (tenant.status === "suspended") return <SuspendedNotice tenantName={tenant.name} />;
  return (
    <PublicPanel tenantName={tenant.name} title="Reset your password">
      <p className="text-sm text-slate-600">
        Enter the email of your {tenant.name} account and we&apos;ll send you a link.
      </p>
      <ForgotPasswordForm />
      <Link href="/signin" className="block text-center text-sm font-semibold text-indigo-600">
        Back to sign-in
      </Link>
    </PublicPanel>
  );
}
