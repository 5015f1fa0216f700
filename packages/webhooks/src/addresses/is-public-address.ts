// Which IP addresses a webhook may connect to in production: public unicast only. Loopback,
// private (RFC 1918, unique-local), link-local (incl. cloud metadata 169.254.169.254), CGNAT,
// multicast, reserved, documentation ranges and the IPv6 transition ranges that can embed an
// IPv4 address (NAT64, 6to4, Teredo) are all refused. IPv4-mapped IPv6 is judged as its IPv4.
import ipaddr from "ipaddr.js";

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === "unicast";
}
