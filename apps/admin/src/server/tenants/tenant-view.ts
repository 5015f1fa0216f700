import type { TenantRow } from "@repo/db/control-plane";

export type TenantView = {
  id: string;
  slug: string;
  name: string;
  status: TenantRow["status"];
  serverName: string;
  databaseName: string;
  createdAt: string;
};

export function toTenantView(row: TenantRow): TenantView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    serverName: row.serverName,
    databaseName: row.databaseName,
    createdAt: row.createdAt.toISOString(),
  };
}
