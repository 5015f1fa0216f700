// Public API of @repo/services: local Postgres/Redis/Upstash-REST for dev tools and tests.
export { startServices } from "./start-services";
export { encodeBase64Strings } from "./upstash-bridge";
export { ServicesError } from "./services-error";
export { assertParentsTraversableByOthers } from "./check-postgres-readable";
