// The admin app's handle on the control-plane database (tenants, operators, tokens, audit).
// One small pool per process, opened lazily so importing a route module has no side effects.
import { createControlPlaneDb, type ControlPlaneDb, type ControlPlaneHandle } from "@repo/db/control-plane";
import { env } from "../env";

let handle: ControlPlaneHandle | undefined;

export function getControlPlane(): ControlPlaneDb {
  handle ??= createControlPlaneDb(env.DATABASE_URL, { max: 5, applicationName: "repo-admin" });
  return handle.db;
}
