// Small JSON response helpers so handlers read as "what", not "how".
export function jsonOk(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
