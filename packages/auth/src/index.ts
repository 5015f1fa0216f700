// @repo/auth — edge-safe re-exports for convenience. Node-only APIs live in `@repo/auth/server`.
export * from "./rbac/index";
