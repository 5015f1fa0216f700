// Both apps' proxies are built the same way (web-standard): an access-log line and request id
// (observeProxy), then request-target checks, CSP nonce and security headers
// (withHttpHardening), then the app's own handler with its Node-side runtime — which the app's
// composition root registers at server start through a proxy port. A request that arrives
// before the registration waits for it (bounded), then gets a 503; until then the strict
// production headers and a default logger apply.
import { apiErrorResponse } from "@repo/api-errors";
import { createLogger, observeProxy, type Logger } from "@repo/observability";
import type { ProxyPort } from "../gate/proxy-port";
import type { SecurityHeaderOptions } from "./security-headers";
import { withHttpHardening } from "./with-http-hardening";

/** How long a request waits for the composition root at server start before a 503. */
const REGISTRATION_WAIT_MS = 5_000;
/** Until the runtime is registered: the strict production headers. */
const STRICT_HEADERS: SecurityHeaderOptions = { isProduction: true, isHttps: false };

export type FrontDoorRuntime = { securityHeaders: SecurityHeaderOptions; logger: Logger };

/**
 * The app's Next `proxy` export. `handle` answers the request or passes it on; when it passes
 * it on, it must set every header of `forward` on the forwarded request (request id, nonce).
 */
export function createFrontDoor<R extends Request, T extends FrontDoorRuntime>(options: {
  /** The log's `service` until the runtime's own logger is registered. */
  service: string;
  port: ProxyPort<T>;
  handle: (request: R, runtime: T, forward: Headers) => Promise<Response>;
}): (request: R) => Promise<Response> {
  const startupLogger = createLogger({ service: options.service });
  let registered: T | undefined;
  return observeProxy(
    withHttpHardening<R>(
      async (request, forward) => {
        const runtime = registered ?? (await options.port.await(REGISTRATION_WAIT_MS));
        if (!runtime) {
          return apiErrorResponse("service_unavailable", "This server is still starting. Try again in a moment.", {
            headers: { "retry-after": "1" },
          });
        }
        registered = runtime;
        return options.handle(request, runtime, forward);
      },
      { settings: () => registered?.securityHeaders ?? STRICT_HEADERS },
    ),
    { logger: () => registered?.logger ?? startupLogger },
  );
}
