// A tiny TCP proxy for failure tests: put it in front of a real service (Postgres, the Upstash
// REST bridge), then `freeze()` it — connections stay open but no byte moves either way, exactly
// like a stalled server or a black-holed network — and `thaw()` to deliver what was held back.
// Never touches the shared services themselves.
import { connect, createServer, type Socket } from "node:net";

export type FaultProxy = {
  port: number;
  /** Hold every byte in both directions (new connections are accepted and held too). */
  freeze: () => void;
  /** Deliver what was held and forward again. */
  thaw: () => void;
  close: () => Promise<void>;
};

type Link = { from: Socket; to: Socket; held: Buffer[] };

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let frozen = false;
  const links = new Set<Link>();
  const sockets = new Set<Socket>();

  const forward = (from: Socket, to: Socket) => {
    const link: Link = { from, to, held: [] };
    links.add(link);
    from.on("data", (chunk: Buffer) => (frozen ? link.held.push(chunk) : to.write(chunk)));
    from.on("close", () => {
      links.delete(link);
      to.destroy();
    });
    from.on("error", () => to.destroy());
  };

  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("fault proxy has no port");

  return {
    port: address.port,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const link of links) for (const chunk of link.held.splice(0)) link.to.write(chunk);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
