import type { webcrypto } from "node:crypto";

// Discord signs every interaction it sends with Ed25519 over `timestamp + rawBody`.
export type Signer = {
  publicKeyHex: string;
  sign(timestamp: string, body: string): Promise<string>;
  verify(timestamp: string, body: string, signatureHex: string): Promise<boolean>;
};

const ED25519 = { name: "Ed25519" };

export async function createSigner(): Promise<Signer> {
  const keys = (await crypto.subtle.generateKey(ED25519, true, [
    "sign",
    "verify",
  ])) as webcrypto.CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey("raw", keys.publicKey));
  const encode = (timestamp: string, body: string) => new TextEncoder().encode(timestamp + body);
  return {
    publicKeyHex: Buffer.from(publicKey).toString("hex"),
    async sign(timestamp, body) {
      const signature = await crypto.subtle.sign(ED25519, keys.privateKey, encode(timestamp, body));
      return Buffer.from(signature).toString("hex");
    },
    async verify(timestamp, body, signatureHex) {
      if (!/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
      const signature = Buffer.from(signatureHex, "hex");
      return crypto.subtle.verify(ED25519, keys.publicKey, signature, encode(timestamp, body));
    },
  };
}

export function nowSecondsString(): string {
  return String(Math.floor(Date.now() / 1000));
}
