// Upstash-REST bridge: a dev/test HTTP server speaking Upstash's Redis REST protocol in front of
// a real Redis, so `@upstash/redis` (and `@upstash/ratelimit`) behave locally as against Upstash.
// Node tooling only — never deploy it (no TLS, one shared connection). Protocol: `POST /`
// (one command), `/pipeline`, `/multi-exec`; Bearer token; `Upstash-Encoding: base64`.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { createClient, ErrorReply, MultiErrorReply } from "redis";
import { createScriptTranslator } from "./translate-upstash-scripts";

export interface UpstashBridgeOptions {
  redisUrl: string;
  token: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
}

export interface UpstashBridge {
  url: string;
  token: string;
  close(): Promise<void>;
}

type Command = string[];
type CommandReply = { result: unknown } | { error: string };

export async function startUpstashBridge(options: UpstashBridgeOptions): Promise<UpstashBridge> {
  const { redisUrl, token, port = 0, host = "127.0.0.1" } = options;
  // RESP2 gives the flat arrays Upstash returns (HGETALL → [k, v, ...], not a map).
  const redis = createClient({ url: redisUrl, RESP: 2, disableOfflineQueue: true });
  redis.on("error", () => {}); // node-redis reconnects itself; requests meanwhile get a 400.
  await redis.connect();

  const translate = createScriptTranslator();
  const runCommand = async (command: Command) => {
    const translated = translate(command);
    return translated.mapReply(await redis.sendCommand(translated.command));
  };
  const runPipeline = (commands: Command[]) =>
    Promise.allSettled(commands.map(runCommand)).then((settled) => settled.map(toCommandReply));
  const runTransaction = async (commands: Command[]): Promise<CommandReply[]> => {
    const translated = commands.map(translate);
    const multi = redis.multi();
    for (const { command } of translated) multi.addCommand(command);
    const toReply = (reply: unknown, i: number): CommandReply =>
      reply instanceof ErrorReply ? { error: reply.message } : { result: translated[i]!.mapReply(reply) };
    try {
      return ((await multi.exec()) as unknown[]).map(toReply);
    } catch (error) {
      // A command failing inside EXEC does not abort the others: report each slot.
      if (!(error instanceof MultiErrorReply)) throw error;
      return error.replies.map(toReply);
    }
  };

  const expected = Buffer.from(`Bearer ${token}`);
  const isAuthorized = (header: string | undefined) => {
    const given = Buffer.from(header ?? "");
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isAuthorized(req.headers.authorization)) return sendJson(res, 401, { error: "Unauthorized" });
    if (req.method !== "POST") return sendJson(res, 405, { error: "ERR only POST is supported" });
    const isBase64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const encode = (value: unknown) => (isBase64 ? encodeBase64Strings(value) : value);
    try {
      const body = await readJson(req);
      const path = (req.url ?? "/").split("?")[0];
      if (path === "/") return sendJson(res, 200, { result: encode(await runCommand(toCommand(body))) });
      if (path !== "/pipeline" && path !== "/multi-exec")
        return sendJson(res, 404, { error: `ERR unknown path ${path}` });
      if (!Array.isArray(body) || body.length === 0) throw new Error("ERR expected a non-empty array of commands");
      const commands = body.map(toCommand);
      const replies = path === "/pipeline" ? await runPipeline(commands) : await runTransaction(commands);
      return sendJson(
        res,
        200,
        replies.map((reply) => ("result" in reply ? { result: encode(reply.result) } : reply)),
      );
    } catch (error) {
      return sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const { port: boundPort } = server.address() as AddressInfo;
  const close = async () => {
    server.closeAllConnections(); // @upstash/redis keeps connections alive
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await redis.close().catch(() => redis.destroy());
  };
  return { url: `http://${host}:${boundPort}`, token, close };
}

/** Upstash base64-encodes every string of a reply (recursively) except the status "OK". */
export function encodeBase64Strings(value: unknown): unknown {
  if (typeof value === "string") return value === "OK" ? value : Buffer.from(value, "utf8").toString("base64");
  if (Array.isArray(value)) return value.map(encodeBase64Strings);
  return value;
}

function toCommandReply(settled: PromiseSettledResult<unknown>): CommandReply {
  if (settled.status === "fulfilled") return { result: settled.value };
  const reason: unknown = settled.reason;
  return { error: reason instanceof Error ? reason.message : String(reason) };
}

/** Redis takes strings only; the client sends numbers (e.g. `EX 10`) as JSON numbers. */
function toCommand(value: unknown): Command {
  if (!Array.isArray(value) || value.length === 0) throw new Error("ERR a command is a non-empty array");
  return value.map((arg: unknown) =>
    typeof arg === "string" ? arg : typeof arg === "object" ? JSON.stringify(arg) : String(arg),
  );
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new Error("ERR request body is not valid JSON");
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
