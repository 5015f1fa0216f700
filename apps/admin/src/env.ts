// The admin app's environment, validated once at startup. Everything else receives values
// from here (ESLint bans `process.env` elsewhere). A bad variable stops startup with one line.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().url(),
    UPSTASH_REDIS_REST_URL: z.string().url(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1),
    /** Private signing JWK set (JSON); the newest key signs, all verify. `pnpm auth:keys generate`. */
    AUTH_SIGNING_KEYS: z.string().min(1),
    /** `iss` of session tokens. */
    AUTH_ISSUER: z.string().min(1).default("repo-auth"),
    /** Public origin of the admin app (cookie `Secure`/`__Host-` when https). */
    ADMIN_ORIGIN: z.string().url().default("http://localhost:3001"),
    /** Root domain of tenant hosts, used to print tenant URLs in the console. */
    ROOT_DOMAIN: z.string().min(1).default("localhost:3000"),
    /** Days a newly created operator API token lives when the request does not say. */
    ADMIN_API_TOKEN_DEFAULT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const first = issues[0];
    const name = first?.path?.map((p) => (typeof p === "object" ? p.key : p)).join(".") ?? "?";
    console.error(`[admin] invalid environment variable ${name}: ${first?.message ?? "invalid"}`);
    throw new Error(`Invalid environment variable ${name}`);
  },
});
