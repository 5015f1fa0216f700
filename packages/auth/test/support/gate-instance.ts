// One "web instance" for the two-instance propagation test: its own process, its own snapshot
// store (background poller) over the shared Redis, the gate behind a plain HTTP server on a
// free port. Prints `listening <port>` once the snapshot has loaded.
import { createServer } from "node:http";
import { authorizeRequest, decisionToResponse } from "@repo/auth/gate";
import { definePolicy } from "@repo/auth/rbac";
import { createRevocationRedis, createRevocationStore, createSnapshotRevocationStore } from "@repo/auth/revocation";
import { importKeySet } from "@repo/auth/token";
import { parseTenantSlug } from "@repo/tenancy/host";

const input = JSON.parse(process.env.GATE_INSTANCE_INPUT ?? "{}") as {
  jwks: unknown[];
  url: string;
  token: string;
  prefix: string;
  tenant: { id: string; slug: string; name: string; status: string };
};
const keys = await importKeySet({ keys: input.jwks as never });
const redis = createRevocationRedis({ url: input.url, token: input.token, timeoutMs: 2_000 });
const source = createRevocationStore({ redis, prefix: input.prefix, timeoutMs: 2_000 });
const revocation = createSnapshotRevocationStore({ redis, source, prefix: input.prefix, mode: "background" });
await revocation.start();
const options = {
  keys,
  issuer: "repo-auth-test",
  rootDomain: "example.com",
  parseTenantSlug,
  resolveTenant: (slug: string) => (slug === input.tenant.slug ? input.tenant : null),
  revocation,
  policy: definePolicy([]),
  cookieName: "repo.session",
};

const server = createServer(async (req, res) => {
  const request = new Request(`http://localhost${req.url}`, { headers: req.headers as Record<string, string> });
  const decision = await authorizeRequest(request, options);
  const response = decision.type === "allow" ? new Response("ok") : decisionToResponse(decision);
  res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
  res.end(await response.text());
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address() as { port: number };
  process.stdout.write(`listening ${address.port}\n`);
});
