// Host header → tenant slug. Runs in the proxy on every request: pure string work, web-standard
// only. Anything unusual returns null (→ 404), never a guess: the slug selects whose data
// and whose cookies apply, so ambiguity must fail closed.
import { isValidSlug } from "./validate-slug";

// RFC 1035 limit for a name, plus room for ":65535".
const MAX_HOST_LENGTH = 253 + 6;
const HOSTNAME_PATTERN = /^[a-z0-9.-]+$/;
const PORT_PATTERN = /^[0-9]{1,5}$/;

type HostParts = { hostname: string; port: string | null };

function splitHost(value: string): HostParts | null {
  // IPv6 literals ("[::1]:3000") and userinfo ("a@b") are never tenant hosts.
  if (value.includes("[") || value.includes("@")) return null;
  const colon = value.lastIndexOf(":");
  if (colon === -1) return { hostname: value, port: null };
  if (value.indexOf(":") !== colon) return null;
  const port = value.slice(colon + 1);
  if (!PORT_PATTERN.test(port)) return null;
  return { hostname: value.slice(0, colon), port };
}

const DEFAULT_PORTS: ReadonlySet<string> = new Set(["80", "443"]);

function portMatches(hostPort: string | null, rootPort: string | null): boolean {
  // A root naming a default port is the same as one naming none (browsers omit default ports).
  if (rootPort === null || DEFAULT_PORTS.has(rootPort)) return hostPort === null || DEFAULT_PORTS.has(hostPort);
  return hostPort === rootPort;
}

/**
 * Returns the tenant slug for `host` (a Host header value, port allowed) under `rootDomain`
 * (e.g. "example.com" or "localhost:3000"), or null when the host is not exactly one valid,
 * non-reserved label directly under the root domain.
 *
 * - Case-insensitive (DNS is); the result is lowercase.
 * - Ports: if `rootDomain` names a port (dev: "localhost:3000"), the host must carry exactly that
 *   port. If it names none, the platform is served on the scheme's default port, so the host may
 *   carry no port or an explicit default one (`:80`, `:443`, which RFC 9110 lets a client send)
 *   and nothing else: `acme.example.com:8443` is another origin, possibly another server, and
 *   cookies are not port-scoped, so it is never treated as the tenant.
 * - Rejected: the bare root, nested labels (`a.b.root`), look-alikes (`evilroot`,
 *   `root.evil.com`), trailing dots, IP literals, punycode labels, reserved names, any
 *   character outside `[a-z0-9.-]`, empty or oversized input.
 */
export function parseTenantSlug(host: string | null | undefined, rootDomain: string): string | null {
  if (typeof host !== "string" || host.length === 0 || host.length > MAX_HOST_LENGTH) return null;
  const hostParts = splitHost(host.toLowerCase());
  const rootParts = splitHost(rootDomain.trim().toLowerCase());
  if (!hostParts || !rootParts || rootParts.hostname.length === 0) return null;
  if (!portMatches(hostParts.port, rootParts.port)) return null;

  const { hostname } = hostParts;
  if (!HOSTNAME_PATTERN.test(hostname)) return null;
  const suffix = `.${rootParts.hostname}`;
  if (!hostname.endsWith(suffix)) return null;

  const label = hostname.slice(0, -suffix.length);
  if (label.includes(".")) return null;
  return isValidSlug(label) ? label : null;
}
