// The IdP's own sign-in page (plain HTML, no scripts): what a user sees at their company IdP.

const escapeHtml = (value: string) => value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderLoginPage(input: { action: string; clientId: string; error?: string; email?: string }): string {
  const error = input.error ? `<p role="alert" style="color:#b91c1c">${escapeHtml(input.error)}</p>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dev IdP — sign in</title></head>
<body style="font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;background:#f1f5f9">
<main style="background:#fff;padding:2rem;border-radius:.75rem;min-width:22rem;box-shadow:0 1px 3px #0002">
<h1 style="margin-top:0">Dev identity provider</h1>
<p style="color:#475569">Sign in to continue to <strong>${escapeHtml(input.clientId)}</strong>.</p>
${error}
<form method="post" action="${escapeHtml(input.action)}" style="display:grid;gap:.75rem">
<label>Email <input name="email" type="email" autocomplete="username" required value="${escapeHtml(input.email ?? "")}" style="width:100%"></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required style="width:100%"></label>
<button type="submit">Sign in</button>
</form>
</main></body></html>`;
}
