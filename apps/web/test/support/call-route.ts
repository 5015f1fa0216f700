// Calls an App Router route handler directly, as Next would, with Next's request-scoped
// `headers()` bound to the request (the caller's vi.mock of next/headers reads `current`).
export type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;
export type CallResult = { status: number; text: string; json: Record<string, unknown> | null; headers: Headers };

export function createRouteCaller(current: { headers: Headers }) {
  return async function call<P>(
    handler: Handler<P>,
    init: {
      method?: string;
      path: string;
      host: string;
      cookie?: string;
      body?: unknown;
      params?: P;
      headers?: Record<string, string>;
    },
  ): Promise<CallResult> {
    const method = init.method ?? "GET";
    const headers = new Headers({ host: init.host, ...init.headers });
    if (init.cookie) headers.set("cookie", init.cookie);
    if (method !== "GET" && !headers.has("origin")) headers.set("origin", `http://${init.host}`);
    if (init.body !== undefined) headers.set("content-type", "application/json");
    const request = new Request(`http://localhost:3000${init.path}`, {
      method,
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    current.headers = request.headers;
    const response = await handler(request, { params: Promise.resolve((init.params ?? {}) as P) });
    const text = await response.text();
    return {
      status: response.status,
      text,
      json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
      headers: response.headers,
    };
  };
}
