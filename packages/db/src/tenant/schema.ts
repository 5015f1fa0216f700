// The tenant schema: every tenant database has exactly these tables (`migrations/tenant`).
export * from "./users";
export * from "./roles";
export * from "./user-roles";
export * from "./sessions";
export * from "./projects";
export * from "./invitations";
export * from "./password-reset-tokens";
export * from "./verification-tokens";
