import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { CreateTenantForm } from "./create-tenant-form";

export const metadata = { title: "New tenant" };

export default async function NewTenantPage() {
  const operator = await requirePageOperator();
  if (!operator.canWrite) redirect("/tenants");
  return (
    <>
      <PageHeader
        title="New tenant"
        description="Creates the tenant's database, migrates it, seeds its roles and registers it — all or nothing."
      />
      <CreateTenantForm />
    </>
  );
}
