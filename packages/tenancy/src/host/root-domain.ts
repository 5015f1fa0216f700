// ROOT_DOMAIN's one accepted form: a lower-case DNS name, optionally with a port. Edge-safe.
// Anything else (a URL, a trailing slash or dot, upper case, an IP address) would make every
// tenant host fail to match, so the apps refuse to start with it instead of 404ing every tenant.

/** Shown to the operator when ROOT_DOMAIN is refused. */
export const ROOT_DOMAIN_EXPECTED_FORM =
  'a host name like "example.com" or "host:port" like "localhost:3000" (no scheme, path, trailing dot or upper case)';

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const ROOT_DOMAIN_PATTERN = new RegExp(`^(${LABEL}(?:\\.${LABEL})*)(?::([1-9][0-9]{0,4}))?$`);

/** True when `value` is usable as ROOT_DOMAIN (see ROOT_DOMAIN_EXPECTED_FORM). */
export function isValidRootDomain(value: string): boolean {
  const match = ROOT_DOMAIN_PATTERN.exec(value);
  if (!match) return false;
  const [, hostname, port] = match;
  if (hostname!.length > 253) return false;
  // An all-digit last label is an IPv4 address: tenants need subdomains, IPs have none.
  if (/^[0-9]+$/.test(hostname!.slice(hostname!.lastIndexOf(".") + 1))) return false;
  return port === undefined || Number(port) <= 65_535;
}
