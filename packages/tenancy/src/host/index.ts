// @repo/tenancy/host — EDGE-SAFE (proxy): no node: modules, no drivers, no process/Buffer.
// Typechecked with web-standard types only (tsconfig.edge.json) and linted as edge code.
export { parseTenantSlug } from "./parse-tenant-slug";
export { validateSlug } from "./validate-slug";
export { RESERVED_SLUGS } from "./reserved-slugs";
