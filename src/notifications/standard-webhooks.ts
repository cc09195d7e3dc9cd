// Signing by the Standard Webhooks specification (standardwebhooks.com), so a receiver can verify
// our callbacks with any of its published libraries:
//   webhook-id         the delivery's id, the same on every retry (receivers deduplicate on it)
//   webhook-timestamp  seconds since the epoch, of this attempt
//   webhook-signature  "v1,<base64 HMAC-SHA256 of `id.timestamp.body`>", space-separated when
//                      several secrets are valid (the previous one during a rotation)
// Secrets are "whsec_" + base64 of 32 random bytes; the key is the decoded bytes.

export const WEBHOOK_ID_HEADER = "webhook-id";
export const WEBHOOK_TIMESTAMP_HEADER = "webhook-timestamp";
export const WEBHOOK_SIGNATURE_HEADER = "webhook-signature";
const SECRET_PREFIX = "whsec_";

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function newCallbackSecret(): string {
  return `${SECRET_PREFIX}${toBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/**
 * The HMAC key of a secret. Secrets issued before this format (64 hex characters, used as text)
 * still sign, with their text as the key: the specification's libraries take such a key with
 * `{ format: "raw" }`.
 */
function keyBytes(secret: string): Uint8Array {
  if (!secret.startsWith(SECRET_PREFIX)) return new TextEncoder().encode(secret);
  return Uint8Array.from(atob(secret.slice(SECRET_PREFIX.length)), (char) => char.charCodeAt(0));
}

async function signOnce(secret: string, content: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    keyBytes(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, content);
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/** The three headers for one attempt; one signature per secret, the current one first. */
export async function webhookHeaders(
  id: string,
  secrets: string[],
  timestampSeconds: number,
  body: string,
): Promise<Record<string, string>> {
  const timestamp = String(timestampSeconds);
  const content = new TextEncoder().encode(`${id}.${timestamp}.${body}`);
  const signatures = await Promise.all(secrets.map((secret) => signOnce(secret, content)));
  return {
    [WEBHOOK_ID_HEADER]: id,
    [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
    [WEBHOOK_SIGNATURE_HEADER]: signatures.join(" "),
  };
}
