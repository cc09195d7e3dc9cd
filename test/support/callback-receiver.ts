// A stand-in for a guild's callback endpoint: records every POST, answers with the status the
// path asks for (`/status/503/...` → 503, anything else → 204), and lists what it received.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedCallback {
  path: string;
  headers: Record<string, string>;
  body: string;
  status: number;
  at: number;
}

export async function startCallbackReceiver(): Promise<{ origin: string; close(): Promise<void> }> {
  const received: ReceivedCallback[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      if (req.method === "GET" && path.startsWith("/received")) {
        const key = new URL(path, "http://x").searchParams.get("key") ?? "";
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(received.filter((r) => r.path.includes(key))));
        return;
      }
      const wanted = /^\/status\/(\d{3})\//.exec(path);
      const status = wanted ? Number(wanted[1]) : 204;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string") headers[name] = value;
      received.push({
        path,
        headers,
        body: Buffer.concat(chunks).toString("utf8"),
        status,
        at: Date.now(),
      });
      res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
