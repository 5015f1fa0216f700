// Every exported HTTP method of every `app/**/route.ts` of the console declares its access: the
// Auth.js endpoints are public (the proxy's PUBLIC_PATHS), health probes sit outside the proxy
// (its matcher), and everything else is wrapped in `withOperator` with a scope that fits the
// method — reads `read`, every change `write` with an audit action. A route added without
// `withOperator`, or a mutation declared read-only or unaudited, fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { HTTP_METHODS } from "@repo/auth/rbac";
import { describe, expect, it } from "vitest";
import type { OperatorRouteOptions } from "@/server/http/with-operator";

const appDir = fileURLToPath(new URL("../src/app", import.meta.url));
const proxySource = readFileSync(fileURLToPath(new URL("../src/proxy.ts", import.meta.url)), "utf8");

/** Public in the proxy (`PUBLIC_PATHS`): Auth.js's own endpoints, guarded by their CSRF token and the limiter. */
const PUBLIC_PREFIX = "/api/auth/";
/** Outside the proxy's matcher: liveness/readiness need no operator. */
const OUTSIDE_PROXY_PREFIX = "/api/health/";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

function routePath(file: string): string {
  const segments = relative(appDir, file).split(sep).slice(0, -1);
  return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
}

const routes = await Promise.all(
  routeFiles(appDir).map(async (file) => {
    const module = (await import(file)) as Record<string, unknown>;
    return HTTP_METHODS.filter((method) => typeof module[method] === "function").map((method) => ({
      name: `${method} ${routePath(file)}`,
      method,
      path: routePath(file),
      access: (module[method] as { routeAccess?: OperatorRouteOptions }).routeAccess,
    }));
  }),
).then((lists) => lists.flat());

const isOpen = (path: string) => path.startsWith(PUBLIC_PREFIX) || path.startsWith(OUTSIDE_PROXY_PREFIX);
const isRead = (method: string) => method === "GET" || method === "HEAD";

describe("route policy coverage (admin)", () => {
  it("finds the API routes, and the proxy keeps the public and skipped prefixes it is told about", () => {
    expect(routes.map((r) => r.name)).toEqual(
      expect.arrayContaining(["GET /api/v1/tenants", "POST /api/v1/tenants/[slug]/suspend", "GET /api/health/ready"]),
    );
    expect(proxySource).toContain("\\/api\\/auth");
    expect(proxySource).toContain("api/health/");
  });

  it.each(routes.filter((r) => !isOpen(r.path) && isRead(r.method)).map((r) => [r.name, r] as const))(
    "%s needs an operator (withOperator, read scope)",
    (_name, route) => {
      expect(route.access, `wrap ${route.name} in withOperator`).toMatchObject({ scope: "read" });
    },
  );

  it.each(routes.filter((r) => !isOpen(r.path) && !isRead(r.method)).map((r) => [r.name, r] as const))(
    "%s needs a write-scoped operator and is audited",
    (_name, route) => {
      expect(route.access, `wrap ${route.name} in withOperator`).toEqual({
        scope: "write",
        action: expect.any(String),
      });
    },
  );

  it.each(routes.filter((r) => isOpen(r.path)).map((r) => [r.name, r] as const))(
    "%s is open on purpose and not wrapped in withOperator",
    (_name, route) => {
      expect(route.access).toBeUndefined();
    },
  );
});
