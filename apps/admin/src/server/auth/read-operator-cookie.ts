// Extracts the operator session cookie from a Cookie header (either name variant). Edge-safe.
import { operatorCookieName } from "./operator-session-settings";

const NAMES = [operatorCookieName(true), operatorCookieName(false)];

export function readOperatorCookie(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    if (NAMES.includes(name)) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}
