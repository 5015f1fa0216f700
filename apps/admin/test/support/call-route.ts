// Calls a Next route handler directly (no server): builds the Request and the `params` promise.
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

// Test bodies are asserted field by field; `any` keeps those assertions terse.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyBody = any;

export type CallOptions = {
  headers?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  params?: Record<string, string>;
};

export async function callRoute(
  handler: unknown,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<{ status: number; body: AnyBody; response: Response }> {
  const url = new URL(`http://localhost:3001${path}`);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers({ host: "localhost:3001", ...options.headers });
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await (handler as Handler)(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.clone().text();
  let body: AnyBody = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // CSV and other non-JSON bodies stay as text
  }
  return { status: response.status, body, response };
}
