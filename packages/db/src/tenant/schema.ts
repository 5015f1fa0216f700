// The tenant schema: every tenant database has exactly these tables (`migrations/tenant`).
export * from "./users";
export * from "./roles";
export * from "./user-roles";
export * from "./sessions";
export * from "./projects";
export * from "./sso-connection";
export * from "./user-identities";
export * from "../outbox/outbox-events";
export * from "./invitations";
export * from "./password-reset-tokens";
export * from "./verification-tokens";
