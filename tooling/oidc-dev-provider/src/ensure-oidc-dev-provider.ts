// Starts the dev IdP on :3005 for `pnpm dev` / the E2E stack, or reuses one already answering
// there with the expected issuer (a second terminal, or a previous stack still running).
import { DEV_IDP_ISSUER, DEV_IDP_PORT, devPlatformClient } from "./dev-identities";
import { startOidcDevProvider, type RunningOidcDevProvider } from "./start-oidc-dev-provider";

export async function ensureOidcDevProvider(
  rootDomain: string,
): Promise<RunningOidcDevProvider & { isReused: boolean }> {
  const existing = await readIssuer(DEV_IDP_ISSUER);
  if (existing === DEV_IDP_ISSUER) return { issuer: existing, isReused: true, stop: async () => {} };
  const started = await startOidcDevProvider({
    port: DEV_IDP_PORT,
    issuer: DEV_IDP_ISSUER,
    clients: [devPlatformClient(rootDomain)],
  });
  return { ...started, isReused: false };
}

async function readIssuer(issuer: string): Promise<string | null> {
  try {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(1_000) });
    if (!response.ok) return null;
    const body = (await response.json()) as { issuer?: unknown };
    return typeof body.issuer === "string" ? body.issuer : null;
  } catch {
    return null;
  }
}
