/**
 * Subdomains that can never be tenants: they belong to the platform (or to browsers' and
 * mail providers' expectations). Extend freely; `validateSlug` and `parseTenantSlug` both use it.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "www", "admin", "api", "auth", "app", "apps", "assets", "static", "cdn", "media", "img",
  "mail", "email", "smtp", "imap", "pop", "mx", "ftp", "ns1", "ns2", "dns",
  "status", "docs", "help", "support", "blog", "billing", "pay", "payments",
  "login", "signin", "signup", "logout", "register", "account", "accounts", "dashboard",
  "console", "internal", "system", "root", "localhost", "dev", "staging", "prod", "test",
  "demo", "webhooks", "oauth", "sso", "jwks", "security", "abuse", "postmaster",
]);
