import { type ServicesEnv } from "./start-services";

/** The stable dev contract (README "Stable contract"): web on :3000, tenants at <slug>.localhost:3000. */
export const DEV_APP_DEFAULTS = {
  ROOT_DOMAIN: "localhost:3000",
  ADMIN_ORIGIN: "http://localhost:3001",
} as const;

/**
 * The env for app processes: the caller's env (shell + .env files) with the service URLs and
 * the dev defaults filled in. AUTH_* is left to @repo/auth (it generates dev keys itself).
 */
export function buildDevEnv(services: ServicesEnv, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    ROOT_DOMAIN: base.ROOT_DOMAIN ?? DEV_APP_DEFAULTS.ROOT_DOMAIN,
    ADMIN_ORIGIN: base.ADMIN_ORIGIN ?? DEV_APP_DEFAULTS.ADMIN_ORIGIN,
    ...services,
  };
}
