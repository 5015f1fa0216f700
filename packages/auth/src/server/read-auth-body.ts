// The body of a POST to Auth.js's endpoints, read with a byte limit and a parsed media type.
// Auth.js itself matches `content-type` by substring (`application/jsonx` would pass as JSON) and
// reads bodies whole; this runs first, so only the two real form encodings reach it, bounded.
import { apiErrorResponse, errorResponse } from "@repo/api-errors";
import { RequestInputError, readBodyTextOrThrow, readMediaType } from "../http/index";

/** Sign-in, sign-out and CSRF forms are tiny: 16 KiB is far above any honest one. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;
export const AUTH_MEDIA_TYPES = ["application/x-www-form-urlencoded", "application/json"] as const;

/** The body text, or the 400/413 JSON response that refuses it. */
export async function readAuthBody(request: Request): Promise<string | Response> {
  const contentType = request.headers.get("content-type");
  const mediaType = readMediaType(contentType);
  if (contentType !== null && !(AUTH_MEDIA_TYPES as readonly (string | null)[]).includes(mediaType)) {
    return apiErrorResponse(
      "invalid_request",
      "Send the form as application/x-www-form-urlencoded or application/json.",
    );
  }
  try {
    return await readBodyTextOrThrow(request, AUTH_BODY_LIMIT_BYTES);
  } catch (error) {
    if (!(error instanceof RequestInputError)) throw error;
    return errorResponse(error);
  }
}
