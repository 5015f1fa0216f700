import { PageHeader } from "@/components/page-header";
import { TenantTabs } from "@/components/tenant-tabs";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { loadOrNotFound } from "@/server/http/load-or-not-found";
import { listRoles } from "@/server/roles/list-roles";
import { findSsoConnection } from "@/server/sso/get-sso-connection-or-throw";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";
import { SsoConnectionForm } from "./sso-connection-form";

/** The tenant's OIDC connection (enterprise SSO): view and edit; the client secret is write-only. */
export default async function SsoPage(props: { params: Promise<{ slug: string }> }) {
  const operator = await requirePageOperator();
  const { slug } = await props.params;
  const { tenant, db } = await loadOrNotFound(() => openTenantDbOrThrow(slug));
  const [connection, roles] = await Promise.all([findSsoConnection(db), listRoles(db)]);
  return (
    <>
      <PageHeader
        title={tenant.name}
        description={`Single sign-on for ${tenant.slug}: users with a verified email on these domains sign in with the tenant's identity provider.`}
      />
      <TenantTabs slug={tenant.slug} current="/sso" />
      <SsoConnectionForm
        slug={tenant.slug}
        connection={connection}
        roles={roles.map((r) => ({ key: r.key, name: r.name }))}
        canWrite={operator.canWrite}
      />
    </>
  );
}
