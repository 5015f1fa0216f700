// Errors thrown by the server-side session helpers. Callers branch on `code`.
import { errorBody } from "../gate/index";

export class AuthRequestError extends Error {
  constructor(
    readonly code: "UNAUTHENTICATED" | "FORBIDDEN" | "TENANT_NOT_FOUND" | "REVOCATION_UNAVAILABLE" | "RATE_LIMITED",
    readonly status: 401 | 403 | 404 | 429 | 503,
    message: string,
  ) {
    super(message);
    this.name = "AuthRequestError";
  }
}

export class SessionRequiredError extends AuthRequestError {
  constructor() {
    super("UNAUTHENTICATED", 401, "Sign in to continue.");
    this.name = "SessionRequiredError";
  }
}

export class PermissionDeniedError extends AuthRequestError {
  constructor(readonly permission: string) {
    super("FORBIDDEN", 403, `You need the "${permission}" permission. Ask an owner or admin for access.`);
    this.name = "PermissionDeniedError";
  }
}

export class TenantNotFoundError extends AuthRequestError {
  constructor() {
    super("TENANT_NOT_FOUND", 404, "No organisation lives at this address. Check the URL.");
    this.name = "TenantNotFoundError";
  }
}

export class RevocationUnavailableError extends AuthRequestError {
  constructor() {
    super("REVOCATION_UNAVAILABLE", 503, "We can't verify your session right now. Try again in a moment.");
    this.name = "RevocationUnavailableError";
  }
}

/** A JSON `Response` for an AuthRequestError (`{ error: { code, message } }`), else null. */
export function authErrorResponse(error: unknown): Response | null {
  if (!(error instanceof AuthRequestError)) return null;
  return Response.json(errorBody(error.code, error.message), { status: error.status });
}
