// Per-server plumbing: resolving a server's URL, a tiny maintenance pool per server for
// CREATE/DROP DATABASE, and short-lived direct connections to one tenant database (migrations,
// provisioning). None of these count against the router's budget (documented in the README).
import { type ControlPlaneDb } from "@repo/db/control-plane";
import postgres, { type Sql } from "postgres";
import { resolveConnectionRef, withDatabase, type ResolveEnv } from "./connection-ref";
import { getServerOrThrow } from "./server-registry";
import { deriveTenantRolePassword, dropTenantRole, ensureTenantRole, tenantRoleName } from "./tenant-role";

/** Double-quotes a Postgres identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export class ServerConnections {
  private readonly urls = new Map<string, string>();
  private readonly maintenance = new Map<string, Sql>();

  constructor(
    private readonly db: ControlPlaneDb,
    private readonly resolveEnv: ResolveEnv,
    private readonly applicationName: string,
    /** Derives each tenant role's password (see tenant-role.ts). */
    private readonly roleSecret: string,
  ) {}

  async getUrl(serverName: string): Promise<string> {
    let url = this.urls.get(serverName);
    if (!url) {
      const server = await getServerOrThrow(this.db, serverName);
      url = resolveConnectionRef(server.name, server.connectionRef, this.resolveEnv);
      this.urls.set(serverName, url);
    }
    return url;
  }

  async getDatabaseUrl(serverName: string, databaseName: string): Promise<string> {
    return withDatabase(await this.getUrl(serverName), databaseName);
  }

  /** The URL the router uses: the tenant database, as the tenant's own role (never the superuser). */
  async getTenantRuntimeUrl(serverName: string, databaseName: string): Promise<string> {
    const url = new URL(await this.getDatabaseUrl(serverName, databaseName));
    const role = tenantRoleName(databaseName);
    url.username = encodeURIComponent(role);
    url.password = encodeURIComponent(deriveTenantRolePassword(this.roleSecret, role));
    return url.toString();
  }

  /** Creates or repairs the tenant's login role and grants (superuser; idempotent). */
  async ensureTenantRole(serverName: string, databaseName: string, tenantSql: Sql): Promise<void> {
    const server = await this.getMaintenance(serverName);
    await ensureTenantRole(
      server,
      tenantSql,
      databaseName,
      deriveTenantRolePassword(this.roleSecret, tenantRoleName(databaseName)),
    );
  }

  async dropTenantRole(serverName: string, databaseName: string): Promise<void> {
    await dropTenantRole(await this.getMaintenance(serverName), databaseName);
  }

  async createDatabase(serverName: string, databaseName: string): Promise<void> {
    const sql = await this.getMaintenance(serverName);
    await sql.unsafe(`create database ${quoteIdent(databaseName)}`);
  }

  /** Drops the database, terminating any session still connected to it. Idempotent. */
  async dropDatabase(serverName: string, databaseName: string): Promise<void> {
    const sql = await this.getMaintenance(serverName);
    await sql.unsafe(`drop database if exists ${quoteIdent(databaseName)} with (force)`);
  }

  /** Runs `fn` on a dedicated single connection to one database, then closes it. */
  async withDatabase<T>(serverName: string, databaseName: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
    const sql = postgres(await this.getDatabaseUrl(serverName, databaseName), {
      max: 1,
      connect_timeout: 10,
      onnotice: () => {},
      connection: { application_name: `${this.applicationName}-maintenance` },
    });
    try {
      return await fn(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
  }

  /** Forget a cached server URL (after re-registering the server). */
  invalidate(serverName: string): void {
    this.urls.delete(serverName);
    const sql = this.maintenance.get(serverName);
    this.maintenance.delete(serverName);
    void sql?.end({ timeout: 5 });
  }

  async closeAll(): Promise<void> {
    const pools = [...this.maintenance.values()];
    this.maintenance.clear();
    await Promise.all(pools.map((sql) => sql.end({ timeout: 5 })));
  }

  private async getMaintenance(serverName: string): Promise<Sql> {
    let sql = this.maintenance.get(serverName);
    if (!sql) {
      sql = postgres(await this.getUrl(serverName), {
        max: 2,
        idle_timeout: 10,
        connect_timeout: 10,
        onnotice: () => {},
        connection: { application_name: `${this.applicationName}-maintenance` },
      });
      this.maintenance.set(serverName, sql);
    }
    return sql;
  }
}
