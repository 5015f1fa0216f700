// `pnpm --filter @repo/oidc-dev-provider start`: the dev IdP alone, in the foreground.
import { DEV_IDP_USERS } from "./dev-identities";
import { ensureOidcDevProvider } from "./ensure-oidc-dev-provider";

const rootDomain = process.env.ROOT_DOMAIN ?? "localhost:3000";
const idp = await ensureOidcDevProvider(rootDomain);
console.error(`[oidc-dev-provider] ${idp.isReused ? "already running" : "listening"}: ${idp.issuer}`);
console.error(`[oidc-dev-provider] users: ${DEV_IDP_USERS.map((u) => u.email).join(", ")} (password demo-password-1)`);
const stop = () => void idp.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
