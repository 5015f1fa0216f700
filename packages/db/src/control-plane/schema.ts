// The control-plane schema: everything drizzle-kit diffs for `migrations/control-plane`.
export * from "./db-servers";
export * from "./tenants";
export * from "./operators";
export * from "./operator-api-tokens";
export * from "./audit-log";
export * from "./webhooks";
export * from "../outbox/outbox-events";
export * from "./sign-in-refusals";
