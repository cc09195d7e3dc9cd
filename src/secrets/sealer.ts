// Secrets at rest in D1 (callback secrets; channel webhook tokens cached by earlier versions) are
// sealed with AES-256-GCM (WebCrypto, the platform's) under the Worker secret
// DATA_ENCRYPTION_KEY: 32 random bytes in base64. A sealed value reads `enc:v1:<key id>:<iv>:<ciphertext+tag>`; the key id (a hash
// prefix of the key) says which key sealed it, and the row it belongs to is bound in as
// additional data, so a value copied into another row does not open.
//
// Rotation: set DATA_ENCRYPTION_KEY_PREVIOUS to the old key and DATA_ENCRYPTION_KEY to a new
// one; values under the old key still open, and are sealed again under the new one when read.
// Without DATA_ENCRYPTION_KEY nothing is written in plaintext: sealing throws
// MissingEncryptionKeyError and sealed values read as absent. Values written before
// encryption existed (no `enc:` prefix) are read as they are and sealed when next read.

const PREFIX = "enc:v1:";
const KEY_BYTES = 32;
const IV_BYTES = 12;

export class MissingEncryptionKeyError extends Error {
  constructor() {
    super(
      "DATA_ENCRYPTION_KEY is not set (or is not 32 bytes in base64): secrets cannot be stored",
    );
    this.name = "MissingEncryptionKeyError";
  }
}

interface RingKey {
  id: string;
  key: CryptoKey;
}

interface Keyring {
  current: RingKey;
  previous: RingKey | null;
}

/** What a stored value opened to; `reseal` when it should be written again (old key, plaintext). */
export type Opened = { value: string; reseal: boolean } | null;

function fromBase64(text: string): Uint8Array | null {
  const normal = text.trim().replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal)) return null;
  try {
    return Uint8Array.from(atob(normal), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function ringKey(secret: unknown): Promise<RingKey | null> {
  if (typeof secret !== "string" || secret === "") return null;
  const raw = fromBase64(secret);
  if (!raw || raw.byteLength !== KEY_BYTES) return null;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", raw));
  const id = [...digest.slice(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
  return { id, key };
}

async function keyring(current: unknown, previous: unknown): Promise<Keyring | null> {
  const [now, before] = await Promise.all([ringKey(current), ringKey(previous)]);
  return now ? { current: now, previous: before } : null;
}

export class Sealer {
  private readonly ring: Promise<Keyring | null>;

  constructor(currentKey: unknown, previousKey?: unknown) {
    this.ring = keyring(currentKey, previousKey);
  }

  /** Whether a usable DATA_ENCRYPTION_KEY is configured. */
  async ready(): Promise<boolean> {
    return (await this.ring) !== null;
  }

  /** `context` names the row the value belongs to, e.g. "channel_webhooks:<channel id>". */
  async seal(plaintext: string, context: string): Promise<string> {
    const ring = await this.ring;
    if (!ring) throw new MissingEncryptionKeyError();
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(context) },
      ring.current.key,
      new TextEncoder().encode(plaintext),
    );
    return `${PREFIX}${ring.current.id}:${toBase64Url(iv)}:${toBase64Url(new Uint8Array(sealed))}`;
  }

  /** Null when the value cannot be opened: no key, an unknown key, or tampered with. */
  async open(stored: string, context: string): Promise<Opened> {
    if (!stored.startsWith(PREFIX)) return { value: stored, reseal: true };
    const ring = await this.ring;
    const [id, ivText, sealedText] = stored.slice(PREFIX.length).split(":");
    const key = [ring?.current, ring?.previous].find((candidate) => candidate?.id === id);
    const iv = fromBase64(ivText ?? "");
    const sealed = fromBase64(sealedText ?? "");
    if (!key || !iv || !sealed) return null;
    try {
      const plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(context) },
        key.key,
        sealed,
      );
      return { value: new TextDecoder().decode(plain), reseal: key !== ring?.current };
    } catch {
      return null; // the tag does not verify: wrong row, wrong key, or altered
    }
  }
}

let cached: { current: unknown; previous: unknown; sealer: Sealer } | null = null;

/** The Worker's sealer (one per key pair, so keys are imported once per isolate). */
export function sealerFor(env: Env): Sealer {
  const source = env as unknown as Partial<Record<string, unknown>>;
  const current = source.DATA_ENCRYPTION_KEY;
  const previous = source.DATA_ENCRYPTION_KEY_PREVIOUS;
  if (cached && cached.current === current && cached.previous === previous) return cached.sealer;
  const sealer = new Sealer(current, previous);
  cached = { current, previous, sealer };
  return sealer;
}
