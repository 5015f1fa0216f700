// @repo/auth/callback-url — the one post-sign-in redirect sanitizer (web-standard), used by both
// apps' sign-in pages and by the Auth.js `redirect` callback.
export {
  DEFAULT_CALLBACK_PATH,
  SIGN_IN_LOOP_PREFIXES,
  sameOriginRedirect,
  sanitizeCallbackUrl,
  type SanitizeCallbackUrlOptions,
} from "./sanitize-callback-url";
