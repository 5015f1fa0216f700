// Gate decisions and their HTTP rendering. Edge-safe.
import type { SessionClaims, TokenErrorCode } from "../token/index";
import type { RevocationCheck } from "../revocation/index";
import { apiErrorResponse } from "@repo/api-errors";
import { serializeSessionCookie, type SessionCookie } from "./cookies";

export type GateTenant = { id: string; slug: string; name: string; status: string };

/** The gate's error codes: the same lower snake-case codes the apps put on the wire. */
export const GATE_ERROR_CODES = [
  "unauthenticated",
  "forbidden",
  "tenant_not_found",
  "tenant_suspended",
  "service_unavailable",
] as const;
export type GateErrorCode = (typeof GATE_ERROR_CODES)[number];

/** Why the gate decided as it did (logs, metrics, tests). */
export type DecisionReason =
  | "public-route"
  | "authorized"
  | "no-token"
  | "tenant-mismatch"
  | "claims-refresh-failed"
  | "missing-permission"
  | "unknown-tenant"
  | "tenant-suspended"
  | "dependency-failed"
  | `token:${TokenErrorCode}`
  | `revoked:${NonNullable<RevocationCheck["reason"]>}`;

export type AllowDecision = {
  type: "allow";
  reason: "public-route" | "authorized";
  tenant: GateTenant;
  /** Verified claims; null on a public route. */
  claims: SessionClaims | null;
  /** The verified context (`x-repo-*`) added to the forwarded request. */
  forwardHeaders: Record<string, string>;
  /**
   * The headers to pass the request on with: client-sent `x-repo-*` removed, then `forward`
   * (the proxy's own additions, e.g. request id and CSP nonce), then the verified context.
   */
  requestHeaders(forward?: Headers): Headers;
  /** Set when claims were re-issued (stale roles): set this cookie on the response. */
  setCookie?: SessionCookie;
  /** Revocation store degraded but fail mode "open" let the request through. */
  revocationError?: RevocationCheck["error"];
};

export type RedirectDecision = {
  type: "redirect";
  reason: DecisionReason;
  status: 307;
  /** Same-host relative location: `/signin?callbackUrl=<relative path>`. */
  location: string;
  /** A cookie was presented but is unusable: delete it. */
  clearCookie?: SessionCookie;
};

export type DenyDecision = {
  type: "deny";
  reason: DecisionReason;
  status: 401 | 403 | 404 | 503;
  code: GateErrorCode;
  message: string;
  clearCookie?: SessionCookie;
};

export type Decision = AllowDecision | RedirectDecision | DenyDecision;

/**
 * A `Response` for a redirect or deny decision (JSON errors; `Retry-After` on 503).
 * Allow decisions are rendered by the framework (e.g. `NextResponse.next({ request: { headers } })`).
 */
export function decisionToResponse(decision: RedirectDecision | DenyDecision): Response {
  if (decision.type === "redirect") {
    const headers = new Headers({ "cache-control": "no-store", location: decision.location });
    if (decision.clearCookie) headers.append("set-cookie", serializeSessionCookie(decision.clearCookie));
    return new Response(null, { status: decision.status, headers });
  }
  // The snapshot refreshes within a second: say so to a client told to retry.
  const response = apiErrorResponse(decision.code, decision.message, {
    ...(decision.status === 503 ? { headers: { "retry-after": "1" } } : {}),
  });
  if (decision.clearCookie) response.headers.append("set-cookie", serializeSessionCookie(decision.clearCookie));
  return response;
}
