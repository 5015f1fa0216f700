import { getSettings } from "../auth-runtime";
import { createSignInLimiter, type SignInLimiter } from "./sign-in-limiter";

let limiter: SignInLimiter | null | undefined;

/** The limiter from auth settings (SIGNIN_RATE_LIMIT_*, UPSTASH_*); null when Redis isn't configured. */
export function getSignInLimiter(): SignInLimiter | null {
  if (limiter === undefined) {
    const settings = getSettings();
    limiter = settings.upstash
      ? createSignInLimiter({
          upstash: settings.upstash,
          ipLimit: settings.signInRateLimit.ip,
          emailLimit: settings.signInRateLimit.email,
          windowSeconds: settings.signInRateLimit.windowSeconds,
        })
      : null;
  }
  return limiter;
}
