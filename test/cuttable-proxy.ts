import net from "node:net";

// A TCP proxy in front of a real server (PostgreSQL, Redis) that a test can cut and restore,
// so outages are simulated without touching the machine's shared services:
// - "refuse": close the listener and every connection (a stopped server: ECONNREFUSED);
// - "blackhole": keep accepting but forward nothing, either way (a dead network path: hangs);
// - restore(): forward again on the same port.

export type CuttableProxy = {
  port: number;
  url: (target: string) => string;
  refuse: () => Promise<void>;
  blackhole: () => void;
  restore: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startCuttableProxy(
  targetHost: string,
  targetPort: number,
  listenPort = 0,
): Promise<CuttableProxy> {
  let mode: "forward" | "blackhole" = "forward";
  const sockets = new Set<net.Socket>();
  let server: net.Server;

  const onConnection = (client: net.Socket) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    if (mode === "blackhole") return; // accepted, never answered
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    client.on("data", (d: Uint8Array) => {
      if (mode === "forward") upstream.write(d);
    });
    upstream.on("data", (d: Uint8Array) => {
      if (mode === "forward") client.write(d);
    });
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  };

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = net.createServer(onConnection);
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      server.close(() => resolve());
    });

  const port = await listen(listenPort);
  return {
    port,
    url: (target) => {
      const u = new URL(target);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    refuse: async () => {
      await stop();
    },
    blackhole: () => {
      mode = "blackhole";
    },
    restore: async () => {
      if (!server.listening) await listen(port);
      mode = "forward";
    },
    close: stop,
  };
}
