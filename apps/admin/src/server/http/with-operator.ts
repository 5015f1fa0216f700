// Wraps every /api/v1 route handler: authenticate (session cookie or Bearer API token),
// authorize the scope (support operators and read-scoped tokens get 403 on any mutation),
// check Origin for cookie-authenticated mutations, run the handler, map errors to the shared
// shape, and append an audit entry for every mutation attempt — successful, failed or denied.
// A control-plane change records its success entry itself, inside the change's transaction
// (`recordAudit(tx)`), so the change and its entry commit together; everything else (refusals,
// failures, changes outside the control plane) is appended here after the handler.
import { hasControlCharacter } from "@repo/auth/http";
import { defaultClientIp } from "@repo/auth/server";
import type { ControlPlaneTx } from "@repo/db/control-plane";
import { REQUEST_ID_HEADER, withRequestIdOnErrors } from "@repo/observability";
import { appendAuditEntry } from "../audit/append-audit-entry";
import type { AuditAction, AuditOutcome } from "../audit/audit-actions";
import { authenticateOperatorOrThrow } from "../auth/authenticate-operator-or-throw";
import { canOperatorWrite, type OperatorPrincipal } from "../auth/operator-principal";
import { ApiError, errorResponse } from "@repo/api-errors";
import { toApiError } from "./to-api-error";
import { isCrossOriginRequest } from "./is-cross-origin-request";
import { getLogger } from "../logger";
import { getSettings } from "@/server/admin-root";

/** What a handler may add to its audit entry (tenant, target, details). */
export type AuditDraft = {
  tenantId?: string | null;
  tenantSlug?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
};

export type OperatorHandlerContext<P> = {
  operator: OperatorPrincipal;
  params: P;
  audit: AuditDraft;
  /**
   * For handlers that respond before their work ends (streamed responses): the audit entry is
   * written when `work` settles — success, or failure with its error code — instead of when
   * the response is returned. The returned promise settles like `work`, after the append.
   */
  auditWhenSettled: <T>(work: Promise<T>) => Promise<T>;
  /**
   * Writes the success entry inside `tx`, the transaction of the control-plane change itself
   * (merged with `draft`); the wrapper then appends nothing more on success.
   */
  recordAudit: RecordAudit;
};

export type RecordAudit = (tx: ControlPlaneTx, draft?: AuditDraft) => Promise<void>;

export type OperatorRouteOptions = { scope: "read"; action?: AuditAction } | { scope: "write"; action: AuditAction };

type RouteContext<P> = { params: Promise<P> };

/** The wrapped handler, carrying its options so a test can check every exported method. */
export type OperatorRoute<P> = ((request: Request, context: RouteContext<P>) => Promise<Response>) & {
  routeAccess: OperatorRouteOptions;
};

export function withOperator<P extends Record<string, string> = Record<string, never>>(
  handler: (request: Request, context: OperatorHandlerContext<P>) => Promise<Response>,
  options: OperatorRouteOptions,
): OperatorRoute<P> {
  const route = withRequestIdOnErrors(async (request: Request, routeContext: RouteContext<P>) => {
    const audit: AuditDraft = {};
    let operator: OperatorPrincipal | null = null;
    let outcome: AuditOutcome = "success";
    let failure: ApiError | null = null;
    let isDeferred = false;
    let isRecordedInTransaction = false;

    const entryFor = (
      op: OperatorPrincipal,
      action: AuditAction,
      entryOutcome: AuditOutcome,
      entryFailure: ApiError | null,
    ) => ({
      actorId: op.operatorId,
      actorEmail: op.email,
      via: op.via,
      tokenId: op.tokenId ?? null,
      action,
      outcome: entryOutcome,
      tenantId: audit.tenantId ?? null,
      tenantSlug: audit.tenantSlug ?? null,
      target: audit.target ?? null,
      ip: defaultClientIp(request),
      details: entryFailure
        ? { ...audit.details, error: entryFailure.code, message: entryFailure.message }
        : (audit.details ?? {}),
    });
    const recordAudit: RecordAudit = async (tx, draft = {}) => {
      Object.assign(audit, draft);
      if (!options.action || !operator) return;
      await appendAuditEntry(entryFor(operator, options.action, "success", null), tx);
      isRecordedInTransaction = true;
    };

    // Anonymous (401) attempts carry no actor and are not audited; everything else is. A success
    // already recorded in its transaction is not written twice (a rolled-back one is a failure).
    const appendEntry = async (entryOutcome: AuditOutcome, entryFailure: ApiError | null): Promise<void> => {
      if (!options.action || !operator) return;
      if (entryOutcome === "success" && isRecordedInTransaction) return;
      await appendAuditEntry(entryFor(operator, options.action, entryOutcome, entryFailure)).catch((error: unknown) =>
        getLogger().error("audit append failed", { requestId: request.headers.get(REQUEST_ID_HEADER), error }),
      );
    };
    const auditWhenSettled = <T>(work: Promise<T>): Promise<T> => {
      isDeferred = true;
      return work.then(
        async (value) => {
          await appendEntry("success", null);
          return value;
        },
        async (error: unknown) => {
          const apiError = toApiError(error);
          await appendEntry(apiError.status === 403 ? "denied" : "failure", apiError);
          throw apiError;
        },
      );
    };

    try {
      const params = (await routeContext?.params) ?? ({} as P);
      // Path segments are input too: a control character (`/tenants/%00`) is a 400, never a query.
      if (Object.values(params).some((value) => typeof value === "string" && hasControlCharacter(value))) {
        throw new ApiError(
          "invalid_request",
          "The request path contains a control character (such as %00). Remove it.",
        );
      }
      audit.tenantSlug = params.slug ?? null;
      operator = await authenticateOperatorOrThrow(request);
      if (options.scope === "write") assertCanWriteOrThrow(operator, request);
      const response = await handler(request, { operator, params, audit, auditWhenSettled, recordAudit });
      if (!response.ok) outcome = "failure";
      return response;
    } catch (error) {
      failure = toApiError(error);
      outcome = failure.status === 403 ? "denied" : "failure";
      return errorResponse(failure);
    } finally {
      // A deferred entry is written by `auditWhenSettled` once the work ends.
      if (!isDeferred) await appendEntry(outcome, failure);
    }
  });
  return Object.assign(route, { routeAccess: options });
}

function assertCanWriteOrThrow(operator: OperatorPrincipal, request: Request): void {
  if (!canOperatorWrite(operator)) {
    throw new ApiError(
      "forbidden",
      operator.role !== "owner"
        ? "Your operator role is read-only: ask an owner to make this change."
        : "This API token has read scope: create a write-scoped token to make changes.",
    );
  }
  // Cookie-authenticated writes must come from our own pages (SameSite=Lax already blocks
  // most cross-site posts; this closes the rest). Bearer tokens are not ambient, so no check.
  // Without an Origin header (older browsers, some redirects) the Fetch Metadata header decides.
  if (operator.via === "session" && isCrossOriginRequest(request, getSettings().trustForwardedHost)) {
    throw new ApiError("forbidden", "Cross-origin request refused: changes must come from the console's own pages.");
  }
}
