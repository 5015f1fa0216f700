// Tenant slug rules, shared by the proxy (host parsing) and provisioning. Edge-safe.
import { RESERVED_SLUGS } from "./reserved-slugs";

export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 32;

// Lowercase letters, digits and single inner dashes; starts and ends with a letter or digit.
// Forbidding "--" also rules out punycode labels ("xn--…"), which would alias look-alike names.
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;

export type SlugValidationCode = "slug_invalid" | "slug_reserved";

export type SlugValidation = { ok: true; slug: string } | { ok: false; code: SlugValidationCode; message: string };

/** Checks a proposed tenant slug. Never throws; the message is safe to show to an operator. */
export function validateSlug(slug: string): SlugValidation {
  if (typeof slug !== "string" || slug.length < SLUG_MIN_LENGTH || slug.length > SLUG_MAX_LENGTH) {
    return {
      ok: false,
      code: "slug_invalid",
      message: `A slug is ${SLUG_MIN_LENGTH}–${SLUG_MAX_LENGTH} characters long.`,
    };
  }
  if (!SLUG_PATTERN.test(slug)) {
    return {
      ok: false,
      code: "slug_invalid",
      message:
        "Use lowercase letters, digits and single dashes (a-z, 0-9, -), starting and ending with a letter or digit.",
    };
  }
  if (RESERVED_SLUGS.has(slug)) {
    return { ok: false, code: "slug_reserved", message: `"${slug}" is reserved by the platform; choose another slug.` };
  }
  return { ok: true, slug };
}

/** True when `slug` is a well-formed, non-reserved tenant slug. */
export function isValidSlug(slug: string): boolean {
  return validateSlug(slug).ok;
}
