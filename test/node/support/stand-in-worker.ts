// Plays the deployed Worker at its workers.dev URL for the deploy tests (the deploy reaches it
// through LONGFLOW_DEPLOYED_ORIGIN): answers GET /health like src/http/public-health.ts, and POST
// /interactions like the bot's endpoint, verifying Ed25519 signatures with the public key the
// deploy uploaded (read from the fake account at request time), so Discord's endpoint validation
// passes only if the deploy sent the application's real key.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInWorker {
  origin: string;
  /** "METHOD /path status" of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startStandInWorker(
  publicKeyHex: () => string | undefined,
): Promise<StandInWorker> {
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const answer = async (): Promise<[number, unknown]> => {
      if (req.method === "GET" && req.url === "/health") return [200, { status: "up" }];
      if (req.method !== "POST" || req.url !== "/interactions")
        return [404, { error: "not found" }];
      const key = publicKeyHex();
      const signature = String(req.headers["x-signature-ed25519"] ?? "");
      const timestamp = String(req.headers["x-signature-timestamp"] ?? "");
      if (!key || !(await verify(key, signature, timestamp + body)))
        return [401, { error: "bad signature" }];
      const interaction = JSON.parse(body) as { type: number };
      return interaction.type === 1 ? [200, { type: 1 }] : [400, { error: "only PING here" }];
    };
    const [status, json] = await answer();
    requests.push(`${req.method} ${req.url} ${status}`);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function verify(
  publicKeyHex: string,
  signatureHex: string,
  message: string,
): Promise<boolean> {
  if (!/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
  const key = await crypto.subtle.importKey(
    "raw",
    Buffer.from(publicKeyHex, "hex"),
    { name: "Ed25519" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify(
    { name: "Ed25519" },
    key,
    Buffer.from(signatureHex, "hex"),
    new TextEncoder().encode(message),
  );
}
