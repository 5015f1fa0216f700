// @repo/auth/http — request-boundary hardening shared by both apps (web-standard): bounded body
// reading, media-type parsing, the "no control characters" rule, request-target checks and the
// security headers + CSP nonce stage, the proxies' shared front door, and their 503 "temporarily unavailable" page.
export { RequestInputError, type RequestInputErrorCode } from "./request-input-error";
export {
  CONTROL_CHARACTER_MESSAGE,
  findNulPaths,
  hasControlCharacter,
  noControlCharacters,
  plainTextSchema,
} from "./control-characters";
export { isJsonContentType, readMediaType } from "./media-type";
export { DEFAULT_JSON_BODY_LIMIT_BYTES, readBodyTextOrThrow, readJsonBodyOrThrow } from "./read-body-with-limit";
export { findRequestTargetProblem } from "./request-target";
export {
  applySecurityHeaders,
  buildContentSecurityPolicy,
  createNonce,
  staticSecurityHeaders,
  type SecurityHeaderOptions,
} from "./security-headers";
export { unavailablePageResponse } from "./unavailable-page";
export { NONCE_HEADER } from "./with-http-hardening";
export { createFrontDoor, type FrontDoorRuntime } from "./front-door";
