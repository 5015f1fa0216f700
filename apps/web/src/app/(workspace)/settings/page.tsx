import type { ReactNode } from "react";
import { Badge } from "@/components/badge";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { requirePagePermission } from "@/server/page-session";
import { getTenantDetails } from "@/server/get-tenant-details";

export const metadata = { title: "Settings" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long" });

export default async function SettingsPage() {
  const session = await requirePagePermission("tenant:manage");
  const tenant = await getTenantDetails(session.tenant.id);

  return (
    <>
      <PageHeader title="Settings" description="Your organisation's profile on the platform." />
      <Card title="Organisation" description="Contact your platform operator to rename or move the workspace.">
        <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
          <Row label="Name" value={tenant.name} />
          <Row label="Workspace address" value={tenant.slug} mono />
          <Row
            label="Status"
            value={<Badge tone={tenant.status === "active" ? "green" : "amber"}>{tenant.status}</Badge>}
          />
          <Row label="Created" value={tenant.createdAt ? dateFormat.format(tenant.createdAt) : "—"} />
          <Row label="Tenant ID" value={tenant.id} mono />
        </dl>
      </Card>
    </>
  );
}

function Row({ label, value, mono = false }: { label: string; value: ReactNode; mono?: boolean }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className={`mt-1 break-all text-slate-900 ${mono ? "font-mono text-xs" : ""}`}>{value}</dd>
    </div>
  );
}
