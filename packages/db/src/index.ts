// @repo/db — schemas and migrations. Import a subpath: `@repo/db/control-plane`,
// `@repo/db/tenant`, `@repo/db/migrations`.
export type { ControlPlaneDb } from "./control-plane/index";
export type { TenantDb } from "./tenant/index";
