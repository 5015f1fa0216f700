// What the sign-in page says for each `?error=&code=` Auth.js (or our SSO policy) sends back.
// Codes are ours and stable; Auth.js's own error text is never echoed.

const WRONG_CREDENTIALS = "That email and password don't match. Check both and try again.";
const GENERIC_FAILURE = "We couldn't sign you in just now. Please try again in a moment.";

const MESSAGE_FOR_CODE: Record<string, string> = {
  sso_required:
    "Your organisation uses single sign-on for this email address. Use “Continue with SSO” instead of a password.",
  sso_email_unverified:
    "Your identity provider did not confirm this email address, so it can't be used to sign in here. Ask your IT team to verify it.",
  sso_domain_not_allowed:
    "This organisation doesn't accept sign-in for your email domain. Check you are on your organisation's address, or ask its administrator.",
  account_disabled: "This account has been disabled. Contact your organisation's administrator.",
  sso_unavailable:
    "Single sign-on isn't available for this organisation right now. Try again later or ask its administrator.",
  tenant_unavailable: "This organisation can't accept sign-ins right now.",
};

/** The message for an Auth.js `error` (+ our `code`), or null when there was no error. */
export function signInErrorMessage(error: string | null | undefined, code: string | null | undefined): string | null {
  if (!error) return null;
  const known = code ? MESSAGE_FOR_CODE[code] : undefined;
  if (known) return known;
  if (error === "CredentialsSignin") return WRONG_CREDENTIALS;
  if (error === "Verification") return "That sign-in link has expired or was already used. Ask for a new one below.";
  return GENERIC_FAILURE;
}

export const GENERIC_SIGN_IN_FAILURE = GENERIC_FAILURE;
