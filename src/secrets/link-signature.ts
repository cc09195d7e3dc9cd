// Signed links, one signer for every kind: `sig=<expires>.<mac>`, where mac =
// HMAC-SHA256(LINK_SIGNING_SECRET, "<scope>:<subject>:<expires>") in base64url and <expires> is in
// Unix seconds. The scope ("live", "file", …) keeps a link of one kind from opening another; the
// expiry is the last, digits-only part, so no subject can be made to sign as another one.

/** Below this the secret is treated as unset: a short HMAC key is guessable. */
const MIN_SECRET_LENGTH = 16;

export type LinkCheck = "ok" | "missing" | "malformed" | "expired" | "invalid";

type Source = Partial<Record<string, unknown>>;

/** LINK_SIGNING_SECRET, or null when it is unset or too short (signed links are then off). */
export function linkSigningSecret(env: Env): string | null {
  const secret = (env as unknown as Source).LINK_SIGNING_SECRET;
  return typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH ? secret : null;
}

/** Where the Worker is reachable from a browser, without a trailing slash; null when unset. */
export function publicBaseUrl(env: Env): string | null {
  const base = (env as unknown as Source).PUBLIC_BASE_URL;
  return typeof base === "string" && /^https?:\/\//.test(base) ? base.replace(/\/+$/, "") : null;
}

let cachedKey: { secret: string; key: Promise<CryptoKey> } | null = null;

function hmacKey(secret: string): Promise<CryptoKey> {
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

function signedText(scope: string, subject: string, expiresSeconds: number): Uint8Array {
  return new TextEncoder().encode(`${scope}:${subject}:${expiresSeconds}`);
}

function toBase64Url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The `sig` parameter for `subject` in `scope`, valid until `expiresAtMs`. */
export async function signLink(
  secret: string,
  scope: string,
  subject: string,
  expiresAtMs: number,
): Promise<string> {
  const expires = Math.floor(expiresAtMs / 1000);
  const mac = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secret),
    signedText(scope, subject, expires),
  );
  return `${expires}.${toBase64Url(mac)}`;
}

export async function checkLink(
  secret: string,
  scope: string,
  subject: string,
  sig: string | null,
  now: number,
): Promise<LinkCheck> {
  if (!sig) return "missing";
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(sig);
  const mac = match?.[2] ? fromBase64Url(match[2]) : null;
  if (!match || !mac) return "malformed";
  const expires = Number(match[1]);
  // crypto.subtle.verify compares in constant time; a string comparison would leak the MAC.
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret),
    mac,
    signedText(scope, subject, expires),
  );
  if (!valid) return "invalid";
  return expires * 1000 <= now ? "expired" : "ok";
}
