// Absolute-form request lines (`GET http://evil.example/api/me HTTP/1.1`), handled as RFC 9112
// §3.2.2 says: the target's authority IS the host, and the Host header is replaced by it. Next's
// router would otherwise "normalise" the `//` in such a target into a 308 to the foreign host,
// before any proxy code runs, so this runs first: a Node `http.Server` hook installed once at
// startup (apps' instrumentation.ts). The tenant is then resolved from the target's own host
// (a foreign one is an unknown tenant: 404), and the request proceeds in origin-form.
import { Server, type IncomingMessage, type ServerResponse } from "node:http";

let installed = false;

/** Rewrites `req` in place when its target is in absolute form; refuses unusable targets. */
export function normalizeAbsoluteFormTarget(req: IncomingMessage): "origin-form" | "normalized" | "refused" {
  const target = req.url ?? "";
  if (target.startsWith("/") || target === "*") return "origin-form";
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return "refused";
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || !url.host)
    return "refused";
  req.url = `${url.pathname}${url.search}`;
  req.headers.host = url.host;
  return "normalized";
}

/** Installs the hook on every Node HTTP server of this process (idempotent). */
export function normalizeAbsoluteFormRequests(): void {
  if (installed) return;
  installed = true;
  const emit = Server.prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  Server.prototype.emit = function patchedEmit(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      if (normalizeAbsoluteFormTarget(req) === "refused") {
        res.writeHead(400, {
          "content-type": "application/json",
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
        });
        res.end(
          JSON.stringify({
            error: {
              code: "invalid_request",
              message: "The request target is malformed. Send an origin-form path such as /api/me.",
            },
          }),
        );
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof Server.prototype.emit;
}
