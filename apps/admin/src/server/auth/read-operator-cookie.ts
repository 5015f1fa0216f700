// Extracts the operator session cookie from a Cookie header (either name variant). Edge-safe.
import { readCookie } from "@repo/auth/gate";
import { OPERATOR_COOKIE_NAMES } from "./operator-session-settings";

export function readOperatorCookie(cookieHeader: string | null | undefined): string | null {
  for (const name of OPERATOR_COOKIE_NAMES) {
    const value = readCookie(cookieHeader ?? null, name);
    if (value) return value;
  }
  return null;
}
