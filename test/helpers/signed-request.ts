import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { router } from "../../src/http/router.ts";

export interface InteractionSigner {
  publicKeyHex: string;
  sign(timestamp: string, body: string): Promise<string>;
}

function toHex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A real Ed25519 key pair, like the one Discord signs interactions with. */
export async function createSigner(): Promise<InteractionSigner> {
  const keys = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const publicKeyHex = toHex((await crypto.subtle.exportKey("raw", keys.publicKey)) as ArrayBuffer);
  return {
    publicKeyHex,
    sign: async (timestamp, body) =>
      toHex(
        await crypto.subtle.sign(
          { name: "Ed25519" },
          keys.privateKey,
          new TextEncoder().encode(timestamp + body),
        ),
      ),
  };
}

export function nowSeconds(): string {
  return String(Math.floor(Date.now() / 1000));
}

export async function signedRequest(
  signer: InteractionSigner,
  body: string,
  options: { timestamp?: string; headers?: Record<string, string> } = {},
): Promise<Request> {
  const timestamp = options.timestamp ?? nowSeconds();
  return new Request("http://bot.test/interactions", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": await signer.sign(timestamp, body),
      "x-signature-timestamp": timestamp,
      ...options.headers,
    },
    body,
  });
}

/** Sends a request through the real router with the signer's key as DISCORD_PUBLIC_KEY. */
export function sendToBot(request: Request, signer: InteractionSigner): Promise<Response> {
  return router.fetch(
    request,
    { ...env, DISCORD_PUBLIC_KEY: signer.publicKeyHex },
    createExecutionContext(),
  );
}
