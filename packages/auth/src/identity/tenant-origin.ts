/**
 * The public origin of a tenant: `<slug>.<rootDomain>` with https when cookies are secure.
 * `slug` must come from the verified tenant record (never from a Host or Origin header), so a
 * link in a mail can't be pointed at an attacker's host.
 */
export function tenantOrigin(slug: string, rootDomain: string, secure: boolean): string {
  return `${secure ? "https" : "http"}://${slug}.${rootDomain}`;
}
