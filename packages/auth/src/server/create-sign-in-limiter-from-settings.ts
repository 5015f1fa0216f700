// The sign-in limiter configured from AuthSettings (SIGNIN_RATE_LIMIT_*, UPSTASH_*). A factory:
// the app's composition root builds one per process, on first use (never at import, so
// `next build` needs no Redis).
import type { AuthSettings } from "../settings/load-auth-settings";
import { createSignInLimiter, type SignInLimiter } from "./sign-in-limiter";

/** null when Redis isn't configured (`withSignInLimits` then answers 503). */
export function createSignInLimiterFromSettings(settings: AuthSettings): SignInLimiter | null {
  return settings.upstash
    ? createSignInLimiter({
        upstash: settings.upstash,
        ipLimit: settings.signInRateLimit.ip,
        emailLimit: settings.signInRateLimit.email,
        windowSeconds: settings.signInRateLimit.windowSeconds,
        prefix: settings.signInRateLimit.prefix,
      })
    : null;
}
