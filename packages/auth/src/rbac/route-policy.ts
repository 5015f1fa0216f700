// Typed route-policy table used by the gate (and by apps for nav rendering). Edge-safe.
// Patterns: `/projects` exact, `/projects/:id` one segment, `/projects/*` the rest (incl. none).
// First matching rule wins; a path that matches no rule needs a signed-in user (secure default).
import type { Permission } from "./permissions";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteRule = {
  /** `/a/:param/*` style path pattern. */
  path: string;
  /** Methods this rule applies to; all when omitted. */
  methods?: readonly HttpMethod[];
  /** Permission required; omitted = any signed-in user. */
  permission?: Permission;
};

export type CompiledRouteRule = RouteRule & { readonly regex: RegExp };
export type RoutePolicy = { readonly rules: readonly CompiledRouteRule[] };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Compiles a path pattern into an anchored regex. */
export function compilePathPattern(path: string): RegExp {
  if (!path.startsWith("/")) throw new TypeError(`Route pattern must start with "/": ${path}`);
  const segments = path.split("/").slice(1);
  let source = "";
  for (const [i, segment] of segments.entries()) {
    if (segment === "*" && i === segments.length - 1) {
      source += "(?:/.*)?";
    } else if (segment.startsWith(":")) {
      source += "/[^/]+";
    } else {
      source += "/" + escapeRegex(segment);
    }
  }
  if (source === "/") return /^\/$/;
  return new RegExp(`^${source}/?$`);
}

/** Builds a route-policy table. Permission names are checked by the compiler. */
export function definePolicy(rules: readonly RouteRule[]): RoutePolicy {
  return { rules: rules.map((rule) => Object.freeze({ ...rule, regex: compilePathPattern(rule.path) })) };
}

/** The first rule matching `method` + `pathname`, or undefined. */
export function matchRoute(policy: RoutePolicy, method: string, pathname: string): CompiledRouteRule | undefined {
  for (const rule of policy.rules) {
    if (rule.methods && !rule.methods.includes(method as HttpMethod)) continue;
    if (rule.regex.test(pathname)) return rule;
  }
  return undefined;
}

/** True when `pathname` matches any of the (compiled or raw) patterns. */
export function matchesAnyPattern(patterns: readonly RegExp[], pathname: string): boolean {
  for (const p of patterns) if (p.test(pathname)) return true;
  return false;
}
