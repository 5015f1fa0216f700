// Extracts the operator session cookie from a Cookie header: only the name in effect
// (`operatorCookieName(secureCookies)`), never the other variant. Edge-safe.
import { readCookie } from "@repo/auth/gate";

export function readOperatorCookie(cookieHeader: string | null | undefined, cookieName: string): string | null {
  return readCookie(cookieHeader ?? null, cookieName) || null;
}
