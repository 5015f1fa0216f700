// Media types parsed, not substring-matched (`application/jsonx` is not JSON). Web-standard.
import { parse } from "content-type";

/** The lower-cased `type/subtype` of a Content-Type header, or null when absent or malformed. */
export function readMediaType(contentType: string | null): string | null {
  if (!contentType) return null;
  let type: string;
  try {
    type = parse(contentType).type.toLowerCase();
  } catch {
    return null;
  }
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : null;
}

/** True when the request says its body is exactly `application/json` (parameters allowed). */
export function isJsonContentType(contentType: string | null): boolean {
  return readMediaType(contentType) === "application/json";
}
