// Signs in through Auth.js's own endpoints on this host (csrf, then the credentials callback),
// exactly as the sign-in form does; used right after accepting an invitation.
export async function credentialsSignIn(email: string, password: string, callbackUrl: string): Promise<boolean> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, callbackUrl }),
  });
  if (!response.ok) return false;
  const { url } = (await response.json()) as { url?: string };
  return Boolean(url) && !new URL(url!, window.location.href).searchParams.get("error");
}
