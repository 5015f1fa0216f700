// The request target (path + query) checked before anything decodes it (web-standard; runs in
// the proxy). Malformed percent-escapes (`%ZZ`, `%E0%A4%A`) and control characters (`%00`)
// would otherwise surface as a framework 500 or a database error: they are a 400 here.
import { hasControlCharacter } from "./control-characters";

/** Why the target is refused (a sentence for the client), or null when it is acceptable. */
export function findRequestTargetProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "The request URL is malformed.";
  }
  for (const segment of parsed.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "The request path has a malformed percent-encoding (for example `%ZZ`). Encode it with encodeURIComponent.";
    }
    if (hasControlCharacter(decoded)) return "The request path contains a control character (such as %00). Remove it.";
  }
  const query = parsed.search.slice(1);
  for (const pair of query ? query.split("&") : []) {
    for (const part of pair.split("=")) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(part.replaceAll("+", " "));
      } catch {
        return "The query string has a malformed percent-encoding (for example `%ZZ`). Encode it with encodeURIComponent.";
      }
      if (hasControlCharacter(decoded))
        return "The query string contains a control character (such as %00). Remove it.";
    }
  }
  return null;
}
