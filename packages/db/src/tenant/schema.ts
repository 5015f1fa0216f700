// The tenant schema: every tenant database has exactly these tables (`migrations/tenant`).
export * from "./users";
export * from "./roles";
export * from "./user-roles";
export * from "./sessions";
export * from "./projects";
export * from "./sso-connection";
export * from "./user-identities";
