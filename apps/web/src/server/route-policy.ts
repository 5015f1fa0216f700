// The web app's route-policy table (edge-safe, pure data). The gate in proxy.ts enforces it;
// pages, actions and route handlers re-check the same permissions server-side.
// Paths matching no rule still need a signed-in user (the gate's secure default).
import { definePolicy, type Permission } from "@repo/auth/rbac";

export const routePolicy = definePolicy([
  { path: "/projects/*", permission: "projects:read" },
  { path: "/members/*", permission: "members:read" },
  { path: "/settings/*", permission: "tenant:manage" },
  { path: "/api/projects", methods: ["GET", "HEAD"], permission: "projects:read" },
  { path: "/api/projects", methods: ["POST"], permission: "projects:write" },
  { path: "/api/projects/:id", methods: ["DELETE"], permission: "projects:delete" },
  { path: "/api/projects/*", permission: "projects:read" },
  { path: "/api/invitations", methods: ["GET", "HEAD", "POST"], permission: "members:write" },
  { path: "/api/invitations/*", permission: "members:write" },
  { path: "/api/members/*", permission: "members:write" },
  // Any signed-in member (the gate's default, stated so every API route has a rule).
  { path: "/api/me/*" },
]);

/**
 * What a route handler's wrapper requires, attached to the handler (`withTenantRoute`,
 * `withPublicTenantRoute`) so a test can check every exported method against this policy.
 */
export type RouteAccess = { isPublic: true } | { isPublic: false; permission: Permission | null };

/** Served without a session (the tenant must still exist and be active). */
/** Identity pages and endpoints for people who are not signed in (they check the Host's tenant themselves). */
export const publicRoutes = [
  "/signin",
  "/signin/email",
  "/api/auth/*",
  "/.well-known/*",
  "/invite/:token",
  "/api/invitations/accept",
  "/forgot-password",
  "/reset-password/:token",
] as const;
