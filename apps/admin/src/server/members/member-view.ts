// The public view of a tenant user (never the password hash).
import type { UserRow } from "@repo/db/tenant";

export type MemberView = {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  roles: string[];
  createdAt: string;
};

export function toMemberView(user: UserRow, roles: readonly string[]): MemberView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    disabled: user.disabled,
    roles: [...roles].sort(),
    createdAt: user.createdAt.toISOString(),
  };
}
