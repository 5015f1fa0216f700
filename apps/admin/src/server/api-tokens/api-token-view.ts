// The public view of a token row: never includes the hash.
import type { OperatorApiTokenRow } from "@repo/db/control-plane";

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  operatorId: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  status: "active" | "expired" | "revoked";
};

export function toApiTokenView(row: OperatorApiTokenRow, now = new Date()): ApiTokenView {
  const status = row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : "active";
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    operatorId: row.operatorId,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    status,
  };
}
