export {
  API_ERROR_CODE_FOR_STATUS,
  API_ERROR_STATUS,
  ERROR_CODE_PATTERN,
  isApiErrorCode,
  type ApiErrorCode,
  type ApiErrorStatus,
} from "./api-error-codes";
export { ApiError, isApiError, type ApiErrorOptions } from "./api-error";
export { apiErrorResponse, errorResponse, toPublicCode, type ApiErrorBody } from "./error-response";
export { flattenIssues, type FieldErrors, type IssueList } from "./field-errors";
export { toApiError, type ToApiErrorOptions } from "./to-api-error";
