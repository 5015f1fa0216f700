import type { TenantDb } from "@repo/db/tenant";

/** A transaction on a tenant database (what `db.transaction` hands its callback). */
export type TenantTx = Parameters<Parameters<TenantDb["transaction"]>[0]>[0];

/** The tenant an operation runs in; `slug` comes from the verified tenant record. */
export type IdentityTenant = { id: string; slug: string; name: string };

/** Who acts: a signed-in member (their verified permissions bound what they can grant) or an operator. */
export type IdentityActor =
  | { kind: "member"; userId: string; name: string | null; permissions: readonly string[] }
  | { kind: "operator"; operatorId: string };

/**
 * A caller's hook that runs inside an operation's tenant-DB transaction, after the change and
 * before commit, with what changed (e.g. to append its outbox event): it commits or rolls back
 * with the change.
 */
export type InTransaction<R> = (tx: TenantTx, result: R) => Promise<void>;

/** Where links in mails point: the tenant's own origin (see `tenantOrigin`). */
export type LinkContext = { origin: string };
