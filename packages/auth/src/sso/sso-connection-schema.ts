// The shape of a tenant's OIDC connection, as operators write it and as sign-in reads it.
import { z } from "zod";

/** Lowercase DNS name with at least one dot, no wildcard: `acme.com`, `eu.acme.com`. */
const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/,
    "Use a domain such as acme.com",
  );

/**
 * An issuer URL: https, or http only for loopback hosts (a local dev IdP). No query, no fragment:
 * discovery appends `/.well-known/openid-configuration` and the ID token's `iss` must match it.
 */
const issuerSchema = z
  .string()
  .trim()
  .max(512)
  .pipe(z.url())
  .refine((value) => {
    const url = new URL(value);
    const isLoopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    return (
      (url.protocol === "https:" || (url.protocol === "http:" && isLoopback)) &&
      !url.search &&
      !url.hash &&
      !url.username
    );
  }, "Use the IdP's https issuer URL (http only for localhost)")
  .transform((value) => value.replace(/\/+$/, ""));

const roleKeySchema = z.string().trim().min(1).max(64);

/** PUT body. `clientSecret` may be omitted to keep the stored one (it is write-only). */
export const ssoConnectionInputSchema = z.object({
  issuer: issuerSchema,
  clientId: z.string().trim().min(1).max(512),
  clientSecret: z.string().min(1).max(2048).optional(),
  domains: z
    .array(domainSchema)
    .min(1)
    .max(50)
    .transform((list) => [...new Set(list)].sort()),
  defaultRoles: z
    .array(roleKeySchema)
    .max(20)
    .default([])
    .transform((list) => [...new Set(list)].sort()),
  enforced: z.boolean().default(false),
});
export type SsoConnectionInput = z.infer<typeof ssoConnectionInputSchema>;

/** A connection with its secret decrypted: what the sign-in path needs. */
export type SsoConnection = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string[];
  defaultRoles: string[];
  enforced: boolean;
};

/** What the API and the console show: everything but the secret. */
export type SsoConnectionView = Omit<SsoConnection, "clientSecret"> & { hasClientSecret: true; updatedAt: string };

/** The email's domain (lowercase), or null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}
