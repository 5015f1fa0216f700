// Every exported HTTP method of every `app/**/route.ts` is covered by the route policy: either
// explicitly public (`publicRoutes`, or outside the proxy's matcher) or matched by a rule of
// `routePolicy` whose permission is the one its handler re-checks (`withTenantRoute`). A route
// added without a rule, or with a permission that disagrees with its rule, fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { HTTP_METHODS, compilePathPattern, matchRoute, matchesAnyPattern } from "@repo/auth/rbac";
import { describe, expect, it } from "vitest";
import { publicRoutes, routePolicy, type RouteAccess } from "@/server/route-policy";

const appDir = fileURLToPath(new URL("../src/app", import.meta.url));
const proxySource = readFileSync(fileURLToPath(new URL("../src/proxy.ts", import.meta.url)), "utf8");

/** Served outside the proxy (its `matcher` skips them): liveness/readiness need no tenant nor session. */
const OUTSIDE_PROXY = ["/api/health/live", "/api/health/ready"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

/** `api/projects/[id]/route.ts` → `/api/projects/sample`; route groups `(x)` vanish. */
function samplePath(file: string): string {
  const segments = relative(appDir, file).split(sep).slice(0, -1);
  const path = segments
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => (segment.startsWith("[...") ? "any/rest" : segment.startsWith("[") ? "sample" : segment));
  return `/${path.join("/")}`;
}

const publicPatterns = publicRoutes.map(compilePathPattern);
const routes = await Promise.all(
  routeFiles(appDir).map(async (file) => {
    const module = (await import(file)) as Record<string, unknown>;
    const methods = HTTP_METHODS.filter((method) => typeof module[method] === "function");
    return methods.map((method) => ({
      name: `${method} ${samplePath(file)}`,
      method,
      path: samplePath(file),
      access: (module[method] as { routeAccess?: RouteAccess }).routeAccess,
    }));
  }),
).then((lists) => lists.flat());

describe("route policy coverage (web)", () => {
  it("finds the API routes", () => {
    expect(routes.map((r) => r.name)).toEqual(
      expect.arrayContaining(["GET /api/me", "POST /api/projects", "DELETE /api/projects/sample"]),
    );
  });

  it("the routes served outside the proxy are exactly the ones its matcher skips", () => {
    expect(proxySource).toContain("api/health/");
    expect(routes.filter((r) => r.path.startsWith("/api/health/")).map((r) => r.path)).toEqual(
      expect.arrayContaining(OUTSIDE_PROXY),
    );
  });

  const gated = routes.filter((r) => !OUTSIDE_PROXY.includes(r.path));
  const isPublicPath = (path: string) => matchesAnyPattern(publicPatterns, path);

  it.each(gated.filter((r) => isPublicPath(r.path)).map((r) => [r.name, r] as const))(
    "%s is public and its handler requires no session the gate never checked",
    (_name, route) => {
      expect(route.access ?? { isPublic: true }).toEqual({ isPublic: true });
    },
  );

  it.each(gated.filter((r) => !isPublicPath(r.path)).map((r) => [r.name, r] as const))(
    "%s has a routePolicy rule, and its handler re-checks the same permission",
    (_name, route) => {
      const rule = matchRoute(routePolicy, route.method, route.path);
      expect(rule, `no routePolicy rule for ${route.name}: add one in src/server/route-policy.ts`).toBeDefined();
      expect(route.access).toEqual({ isPublic: false, permission: rule?.permission ?? null });
    },
  );
});
