// A real local HTTP receiver, verifying every request with `standardwebhooks` exactly as a
// customer's endpoint would. `respond` decides each answer (status code, or "hang" to never
// answer — the kill-the-worker case).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedWebhook = {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  payload: unknown;
  isVerified: boolean;
};
export type Respond = (request: { index: number; id: string }) => number | "hang";

export type WebhookReceiver = {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  setSecret: (secret: string) => void;
  setRespond: (respond: Respond) => void;
  waitFor: (predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let secret = "";
  let respond: Respond = () => 204;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const id = String(req.headers["webhook-id"] ?? "");
      let payload: unknown = null;
      let isVerified = false;
      try {
        payload = new Webhook(secret).verify(body, req.headers as Record<string, string>);
        isVerified = true;
      } catch {
        isVerified = false;
      }
      const answer = respond({ index: received.length, id });
      received.push({ id, headers: req.headers, body, payload, isVerified });
      if (answer === "hang") return; // never answer
      res.statusCode = answer;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    setSecret: (s) => void (secret = s),
    setRespond: (r) => void (respond = r),
    waitFor: async (predicate, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline)
          throw new Error(`receiver: condition not met within ${timeoutMs} ms (got ${received.length} requests)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
