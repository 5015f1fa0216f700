// `pnpm --filter @repo/services bridge [--port 8079]`: runs only the Upstash-REST bridge in front
// of REDIS_URL (default redis://127.0.0.1:6379) with UPSTASH_REDIS_REST_TOKEN (default: the dev
// token). For pointing a tool at an existing Redis; `pnpm services` does this for you.
import { DEV_UPSTASH_PORT, DEV_UPSTASH_TOKEN } from "../ensure-upstash";
import { startUpstashBridge } from "../upstash-bridge";

const portFlag = process.argv.indexOf("--port");
const port = portFlag === -1 ? DEV_UPSTASH_PORT : Number(process.argv[portFlag + 1]);
const bridge = await startUpstashBridge({
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  token: process.env.UPSTASH_REDIS_REST_TOKEN ?? DEV_UPSTASH_TOKEN,
  port,
});
console.log(`UPSTASH_REDIS_REST_URL=${bridge.url}`);
console.log(`UPSTASH_REDIS_REST_TOKEN=${bridge.token}`);
const shutdown = () => void bridge.close().then(() => process.exit(0));
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
