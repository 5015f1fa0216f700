// The admin app's handle on the control-plane database (tenants, operators, tokens, audit):
// the tenancy instance's pool, so the process holds one control-plane pool, not two.
import type { ControlPlaneDb } from "@repo/db/control-plane";
import { getTenancy } from "@/server/admin-root";

export function getControlPlane(): ControlPlaneDb {
  return getTenancy().getControlPlaneDb();
}
