// Errors thrown by the server-side session helpers. Callers branch on `code` (a public API code).
import { ApiError } from "@repo/api-errors";

export type AuthRequestErrorCode = "unauthenticated" | "forbidden" | "tenant_not_found" | "service_unavailable";

export class AuthRequestError extends ApiError {
  declare readonly code: AuthRequestErrorCode;
  constructor(code: AuthRequestErrorCode, message: string, options: { headers?: Record<string, string> } = {}) {
    super(code, message, options);
  }
}

export class SessionRequiredError extends AuthRequestError {
  constructor() {
    super("unauthenticated", "Sign in to continue.");
  }
}

export class PermissionDeniedError extends AuthRequestError {
  constructor(readonly permission: string) {
    super("forbidden", `You need the "${permission}" permission. Ask an owner or admin for access.`);
  }
}

export class TenantNotFoundError extends AuthRequestError {
  constructor() {
    super("tenant_not_found", "No organisation lives at this address. Check the URL.");
  }
}

/** The revocation store can't answer: fail closed, and say to retry soon (the snapshot refreshes within 1 s). */
export class RevocationUnavailableError extends AuthRequestError {
  constructor() {
    super("service_unavailable", "We can't verify your session right now. Try again in a moment.", {
      headers: { "retry-after": "1" },
    });
  }
}
