// Minimal placeholder; the full emulator replaces this file.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface DiscordEmulatorOptions {
  port?: number;
  host?: string;
}

export interface RunningDiscordEmulator {
  origin: string;
  apiBase: string;
  port: number;
  publicKeyHex: string;
  applicationId: string;
  botToken: string;
  close(): Promise<void>;
}

export async function startDiscordEmulator(
  options: DiscordEmulatorOptions = {},
): Promise<RunningDiscordEmulator> {
  const keys = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", keys.publicKey));
  const server = createServer((_req, res) => {
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ message: "404: Not Found", code: 0 }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    apiBase: `${origin}/api/v10`,
    port,
    publicKeyHex: Buffer.from(raw).toString("hex"),
    applicationId: "100000000000000001",
    botToken: "emulator-bot-token",
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
