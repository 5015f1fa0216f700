// Maps @repo/tenancy's coded errors to API errors with messages an operator can act on.
import { TenancyError } from "@repo/tenancy";
import { ApiError } from "../http/api-error";

export function mapTenancyError(error: unknown): unknown {
  if (!(error instanceof TenancyError)) return error;
  switch (error.code) {
    case "slug_invalid":
    case "slug_reserved":
      return new ApiError("invalid_request", error.message, { slug: [error.message] });
    case "slug_taken":
      return new ApiError("conflict", error.message, { slug: ["Already taken"] });
    case "server_not_found":
      return new ApiError("invalid_request", error.message, { server: [error.message] });
    case "tenant_not_found":
      return new ApiError("not_found", error.message);
    case "tenant_unavailable":
      return new ApiError("conflict", error.message);
    case "no_server_available":
    case "invalid_connection_ref":
    case "provisioning_failed":
    case "connection_budget_timeout":
      return new ApiError("service_unavailable", error.message);
    default:
      return new ApiError("service_unavailable", error.message);
  }
}
