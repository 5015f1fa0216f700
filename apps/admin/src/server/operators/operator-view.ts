// What the API and console show about an operator (never the password hash).
import type { OperatorRow } from "@repo/db/control-plane";

export type OperatorView = {
  id: string;
  email: string;
  name: string;
  role: OperatorRow["role"];
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
};

export function toOperatorView(row: OperatorRow): OperatorView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
