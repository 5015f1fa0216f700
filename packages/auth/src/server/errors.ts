// Errors thrown by the server-side session helpers. Callers branch on `code`.

export class AuthRequestError extends Error {
  constructor(
    readonly code: "unauthenticated" | "forbidden" | "tenant_not_found" | "service_unavailable" | "rate_limited",
    readonly status: 401 | 403 | 404 | 429 | 503,
    message: string,
  ) {
    super(message);
    this.name = "AuthRequestError";
  }
}

export class SessionRequiredError extends AuthRequestError {
  constructor() {
    super("unauthenticated", 401, "Sign in to continue.");
    this.name = "SessionRequiredError";
  }
}

export class PermissionDeniedError extends AuthRequestError {
  constructor(readonly permission: string) {
    super("forbidden", 403, `You need the "${permission}" permission. Ask an owner or admin for access.`);
    this.name = "PermissionDeniedError";
  }
}

export class TenantNotFoundError extends AuthRequestError {
  constructor() {
    super("tenant_not_found", 404, "No organisation lives at this address. Check the URL.");
    this.name = "TenantNotFoundError";
  }
}

export class RevocationUnavailableError extends AuthRequestError {
  constructor() {
    super("service_unavailable", 503, "We can't verify your session right now. Try again in a moment.");
    this.name = "RevocationUnavailableError";
  }
}
