// A real webhook receiver for E2E: an HTTP server on 127.0.0.1 that verifies each request with
// `standardwebhooks`, exactly as a customer's endpoint would.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedWebhook = {
  id: string;
  isVerified: boolean;
  payload: { type?: string; data?: Record<string, unknown> } | null;
};

export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  let secret = "";
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let payload: ReceivedWebhook["payload"] = null;
      let isVerified = false;
      try {
        payload = new Webhook(secret).verify(body, req.headers as Record<string, string>) as ReceivedWebhook["payload"];
        isVerified = true;
      } catch {
        // recorded as unverified
      }
      received.push({ id: String(req.headers["webhook-id"] ?? ""), isVerified, payload });
      res.statusCode = isVerified ? 204 : 401;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    setSecret: (value: string) => void (secret = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
