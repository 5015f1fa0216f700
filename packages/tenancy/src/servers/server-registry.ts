// Registered Postgres servers (control plane `db_servers`) and placement of new tenants.
import { dbServers, type ControlPlaneDb, type DbServerRow } from "@repo/db/control-plane";
import { asc, eq, sql } from "drizzle-orm";
import { NoServerAvailableError, ServerNotFoundError } from "../errors";
import { assertConnectionRef } from "./connection-ref";

export type RegisterServerInput = { name: string; connectionRef: string; capacity?: number };
export type DbServer = DbServerRow & { tenantCount: number };

/** Adds a server, or updates its reference/capacity when the name exists. */
export async function registerServer(db: ControlPlaneDb, input: RegisterServerInput): Promise<DbServerRow> {
  assertConnectionRef(input.name, input.connectionRef);
  const values = { name: input.name, connectionRef: input.connectionRef, capacity: input.capacity ?? 1000 };
  const [row] = await db
    .insert(dbServers)
    .values(values)
    .onConflictDoUpdate({
      target: dbServers.name,
      set: { connectionRef: values.connectionRef, capacity: values.capacity },
    })
    .returning();
  return row!;
}

/** Every registered server with its current tenant count. */
export async function listServers(db: ControlPlaneDb): Promise<DbServer[]> {
  const rows = await db.execute<{
    name: string;
    connection_ref: string;
    capacity: number;
    created_at: string;
    tenant_count: number;
  }>(sql`
    select s.name, s.connection_ref, s.capacity, s.created_at, count(t.id)::int as tenant_count
    from db_servers s left join tenants t on t.server_name = s.name
    group by s.name order by s.name`);
  return rows.map((r) => ({
    name: r.name,
    connectionRef: r.connection_ref,
    capacity: r.capacity,
    createdAt: new Date(r.created_at),
    tenantCount: r.tenant_count,
  }));
}

export async function getServerOrThrow(db: ControlPlaneDb, name: string): Promise<DbServerRow> {
  const [row] = await db.select().from(dbServers).where(eq(dbServers.name, name)).orderBy(asc(dbServers.name));
  if (!row) throw new ServerNotFoundError(name);
  return row;
}

/**
 * Where a new tenant goes: the named server, else the least-loaded one (lowest
 * tenants/capacity, ties by name) among servers with capacity left.
 */
export async function chooseServer(db: ControlPlaneDb, named?: string): Promise<DbServerRow> {
  if (named) return getServerOrThrow(db, named);
  const candidates = (await listServers(db)).filter((s) => s.tenantCount < s.capacity);
  candidates.sort((a, b) => a.tenantCount / a.capacity - b.tenantCount / b.capacity || a.name.localeCompare(b.name));
  const best = candidates[0];
  if (!best) throw new NoServerAvailableError();
  return best;
}
