// The one "temporarily unavailable" page both proxies answer when a dependency (a tenant's
// database, the control plane, Redis) cannot serve a page: a real 503 with Retry-After, decided
// before any page shell streams (once Next has sent a 200, an error can only render inside it).
// Web-standard; inline styles only (the CSP nonce is not available to a proxy-made answer).

const escapeHtml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** 503 HTML page saying `message`, asking the client to retry after `retryAfterSeconds`. */
export function unavailablePageResponse(message: string, retryAfterSeconds: number): Response {
  const text = escapeHtml(message);
  const html = `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="${Math.max(retryAfterSeconds, 5)}"><title>Temporarily unavailable</title><body style="font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;color:#0f172a"><div style="max-width:28rem;text-align:center"><h1>Temporarily unavailable</h1><p style="color:#475569">${text} This page retries automatically.</p></div>`;
  return new Response(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(retryAfterSeconds),
      "cache-control": "no-store",
    },
  });
}
