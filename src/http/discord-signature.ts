import { verifyKey } from "discord-interactions";

export const MAX_INTERACTION_BODY_BYTES = 1024 * 1024;
/** Discord signs each request with the current time; older ones are replays. */
export const SIGNATURE_MAX_AGE_SECONDS = 5 * 60;

export type SignedBodyResult =
  | { ok: true; rawBody: string }
  | { ok: false; status: 401 | 413; reason: string };

const importedKeys = new Map<string, Promise<CryptoKey>>();

/** Imports the application's Ed25519 public key once per isolate and reuses the CryptoKey. */
export function importDiscordPublicKey(publicKeyHex: string): Promise<CryptoKey> {
  let key = importedKeys.get(publicKeyHex);
  if (!key) {
    key = crypto.subtle.importKey("raw", hexToBytes(publicKeyHex), { name: "Ed25519" }, false, [
      "verify",
    ]);
    // A bad key must not be cached as a rejected promise forever; a fixed secret can retry.
    key.catch(() => importedKeys.delete(publicKeyHex));
    importedKeys.set(publicKeyHex, key);
  }
  return key;
}

function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) throw new Error("public key is not hex");
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Reads at most `limit` bytes of the body; null when it is longer. */
async function readBodyWithin(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(joined);
}

/**
 * Checks Discord's Ed25519 signature over `timestamp + rawBody` (the raw text, never
 * re-serialized JSON) and the replay window. Every failure is a 401 except an oversized body.
 */
export async function readSignedBody(
  request: Request,
  publicKey: CryptoKey,
  nowMs: number = Date.now(),
): Promise<SignedBodyResult> {
  const signature = request.headers.get("x-signature-ed25519");
  const timestamp = request.headers.get("x-signature-timestamp");
  if (!signature || !timestamp) return { ok: false, status: 401, reason: "missing signature" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, status: 401, reason: "bad timestamp" };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SIGNATURE_MAX_AGE_SECONDS) {
    return { ok: false, status: 401, reason: "stale timestamp" };
  }
  const rawBody = await readBodyWithin(request, MAX_INTERACTION_BODY_BYTES);
  if (rawBody === null) return { ok: false, status: 413, reason: "body too large" };
  const valid = await verifyKey(rawBody, signature, timestamp, publicKey);
  return valid ? { ok: true, rawBody } : { ok: false, status: 401, reason: "bad signature" };
}
