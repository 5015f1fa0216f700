// Node side of the proxy: is this tenant's database answering right now? (see @repo/tenancy
// `isTenantDatabaseAvailable`; cached per tenant for a second or two, so not a query per request).
export { isTenantDatabaseAvailable } from "@repo/tenancy";
