// A real OpenID Connect provider for dev and tests (`oidc-provider`, a certified implementation),
// with its own minimal login interaction. Node only; never deploy it. Discovery, PKCE, nonce and
// signed ID tokens are the library's; this file only supplies accounts, the client and the page.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type Configuration } from "oidc-provider";
import { DEV_IDP_USERS, type DevClient, type DevUser } from "./dev-identities";
import { renderLoginPage } from "./render-login-page";

export type OidcDevProviderOptions = {
  port: number;
  /** Public issuer URL, e.g. http://localhost:3005 (no trailing slash). */
  issuer: string;
  clients: DevClient[];
  users?: readonly DevUser[];
  /** Interface to bind (default 127.0.0.1 + ::1 via "localhost"). */
  hostname?: string;
};

export type RunningOidcDevProvider = { issuer: string; stop(): Promise<void> };

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,64})$/;
const MAX_FORM_BYTES = 8 * 1024;

export async function startOidcDevProvider(options: OidcDevProviderOptions): Promise<RunningOidcDevProvider> {
  const users = options.users ?? DEV_IDP_USERS;
  const provider = new Provider(options.issuer, await buildConfiguration(options.clients, users));
  const callback = provider.callback();

  const server = createServer((req, res) => {
    const match = INTERACTION_PATH.exec(new URL(req.url ?? "/", options.issuer).pathname);
    if (!match) return void callback(req, res);
    handleInteraction(provider, users, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      res.end(
        `This sign-in request cannot continue (${error instanceof Error ? error.message : "error"}). Start again.`,
      );
    });
  });
  await listen(server, options.port, options.hostname ?? "localhost");
  return {
    issuer: options.issuer,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function buildConfiguration(clients: DevClient[], users: readonly DevUser[]): Promise<Configuration> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = {
    ...(await exportJWK(privateKey)),
    kid: `dev-${randomBytes(4).toString("hex")}`,
    alg: "RS256",
    use: "sig",
  };
  return {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The platform reads email/email_verified from the ID token (no userinfo round trip needed).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The platform is a first-party client: its scopes are granted at login, no consent screen.
    async findAccount(_ctx, sub) {
      const user = users.find((u) => u.sub === sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        claims: async () => ({ sub: user.sub, email: user.email, email_verified: user.emailVerified, name: user.name }),
      };
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
  };
}

async function handleInteraction(
  provider: Provider,
  users: readonly DevUser[],
  req: IncomingMessage,
  res: ServerResponse,
) {
  const details = await provider.interactionDetails(req, res);
  const clientId = String(details.params.client_id ?? "");
  const action = `/interaction/${details.uid}`;
  if (req.method === "GET") return sendHtml(res, 200, renderLoginPage({ action, clientId }));
  if (req.method !== "POST") return sendHtml(res, 405, "Method not allowed");

  const form = new URLSearchParams(await readBody(req));
  const email = (form.get("email") ?? "").trim().toLowerCase();
  const user = users.find((u) => u.email === email && u.password === form.get("password"));
  if (!user) return sendHtml(res, 401, renderLoginPage({ action, clientId, email, error: "Wrong email or password." }));

  const grant = new provider.Grant({ accountId: user.sub, clientId });
  grant.addOIDCScope(String(details.params.scope ?? "openid"));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.sub }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error("form too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function listen(server: Server, port: number, hostname: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
