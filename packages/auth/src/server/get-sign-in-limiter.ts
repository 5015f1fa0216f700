// The sign-in limiter configured from env (SIGNIN_RATE_LIMIT_*, UPSTASH_*), one per process.
// Node (Next server). Built on first use, never at import, so `next build` needs no Redis.
import { getAuthSettings } from "../settings/index";
import { createSignInLimiter, type SignInLimiter } from "./sign-in-limiter";

let limiter: SignInLimiter | null | undefined;

/** The env-configured limiter; null when Redis isn't configured (`withSignInLimits` then answers 503). */
export function getSignInLimiter(): SignInLimiter | null {
  if (limiter === undefined) {
    const settings = getAuthSettings();
    limiter = settings.upstash
      ? createSignInLimiter({
          upstash: settings.upstash,
          ipLimit: settings.signInRateLimit.ip,
          emailLimit: settings.signInRateLimit.email,
          windowSeconds: settings.signInRateLimit.windowSeconds,
          prefix: settings.signInRateLimit.prefix,
        })
      : null;
  }
  return limiter;
}
