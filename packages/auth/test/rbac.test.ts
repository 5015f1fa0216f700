import { describe, expect, expectTypeOf, it } from "vitest";
import {
  DEFAULT_ROLE_KEY,
  hasRole,
  BUILTIN_ROLES,
  BUILTIN_ROLE_LIST,
  PERMISSIONS,
  can,
  customRoleSchema,
  definePolicy,
  isPermission,
  matchRoute,
  resolvePermissions,
  type Permission,
} from "@repo/auth/rbac";

describe("permission registry", () => {
  it("uses resource:action names and is closed at the type level", () => {
    for (const p of PERMISSIONS) expect(p).toMatch(/^[a-z]+:[a-z]+$/);
    expectTypeOf<"projects:write">().toExtend<Permission>();
    expectTypeOf<"projects:fly">().not.toExtend<Permission>();
    // @ts-expect-error — an unknown permission does not compile
    can(["projects:read"], "projects:fly");
    // @ts-expect-error — nor in a route policy
    definePolicy([{ path: "/x", permission: "billing:steal" }]);
    expect(isPermission("projects:read")).toBe(true);
    expect(isPermission("projects:fly")).toBe(false);
  });
});

describe("built-in roles", () => {
  it("owner has everything; admin lacks tenant:manage; member and viewer are scoped", () => {
    expect(BUILTIN_ROLES.owner.permissions).toEqual(PERMISSIONS);
    expect(can(BUILTIN_ROLES.admin.permissions, "tenant:manage")).toBe(false);
    expect(can(BUILTIN_ROLES.admin.permissions, "roles:write")).toBe(true);
    expect(can(BUILTIN_ROLES.member.permissions, "projects:write")).toBe(true);
    expect(can(BUILTIN_ROLES.member.permissions, "tenant:manage")).toBe(false);
    expect(can(BUILTIN_ROLES.viewer.permissions, "projects:write")).toBe(false);
    expect(BUILTIN_ROLE_LIST.map((r) => r.key)).toEqual(Object.keys(BUILTIN_ROLES));
  });

  it("hasRole checks a built-in role key the compiler knows", () => {
    expect(hasRole(["viewer", "owner"], "owner")).toBe(true);
    expect(hasRole(["auditor"], "admin")).toBe(false);
    // @ts-expect-error — a misspelt role does not compile
    hasRole(["owner"], "onwer");
    expect(BUILTIN_ROLE_LIST.map((r) => r.key)).toContain(DEFAULT_ROLE_KEY);
  });

  it("resolvePermissions merges built-in and custom roles, dropping unknown strings", () => {
    const custom = [{ key: "auditor", permissions: ["sessions:read", "made:up"] }];
    expect(resolvePermissions(["viewer", "auditor", "ghost"], custom)).toEqual([
      "projects:read",
      "members:read",
      "sessions:read",
      "tenant:read",
    ]);
  });

  it("customRoleSchema accepts registered permissions only and reserves built-in keys", () => {
    expect(
      customRoleSchema.safeParse({ key: "auditor", name: "Auditor", permissions: ["sessions:read"] }).success,
    ).toBe(true);
    expect(customRoleSchema.safeParse({ key: "auditor", name: "A", permissions: ["made:up"] }).success).toBe(false);
    expect(customRoleSchema.safeParse({ key: "owner", name: "Owner2", permissions: [] }).success).toBe(false);
  });
});

describe("can()", () => {
  it("never allows a missing subject", () => {
    expect(can(null, "projects:read")).toBe(false);
    expect(can({ permissions: null }, "projects:read")).toBe(false);
    expect(can({ permissions: ["projects:read"] }, "projects:read")).toBe(true);
  });
});

describe("route policy", () => {
  const policy = definePolicy([
    { path: "/settings/*", permission: "tenant:manage" },
    { path: "/api/projects", methods: ["POST"], permission: "projects:write" },
    { path: "/api/projects/:id", methods: ["DELETE"], permission: "projects:delete" },
    { path: "/api/projects/*", permission: "projects:read" },
    { path: "/" },
  ]);
  it.each([
    ["GET", "/settings", "tenant:manage"],
    ["GET", "/settings/billing", "tenant:manage"],
    ["GET", "/settingsx", undefined],
    ["POST", "/api/projects", "projects:write"],
    ["GET", "/api/projects", "projects:read"],
    ["DELETE", "/api/projects/abc", "projects:delete"],
    ["DELETE", "/api/projects/abc/x", "projects:read"],
    ["GET", "/", null],
  ] as const)("%s %s -> %s", (method, path, expected) => {
    const rule = matchRoute(policy, method, path);
    if (expected === undefined) expect(rule).toBeUndefined();
    else expect(rule?.permission ?? null).toBe(expected);
  });
});
