// Live view links: `/w/<id>?sig=<expires>.<mac>`, where mac = HMAC-SHA256(LINK_SIGNING_SECRET,
// "live:<id>:<expires>") in base64url and <expires> is in Unix seconds. One signature grants the
// page, its socket and its report download for that workflow until it expires.

/** Below this the secret is treated as unset: a short HMAC key is guessable. */
const MIN_SECRET_LENGTH = 16;
const DEFAULT_TTL_SECONDS = 7 * 24 * 3600;

export interface LiveLinkSettings {
  secret: string;
  /** Where the Worker is reachable from a browser, without a trailing slash. */
  publicBaseUrl: string | null;
  ttlMs: number;
}

export type LinkCheck = "ok" | "missing" | "malformed" | "expired" | "invalid";

type Source = Partial<Record<string, unknown>>;

/** Null when LINK_SIGNING_SECRET is unset or too short: the live view is then switched off. */
export function liveLinkSettings(env: Env): LiveLinkSettings | null {
  const source = env as unknown as Source;
  const secret = source.LINK_SIGNING_SECRET;
  if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) return null;
  const base = source.PUBLIC_BASE_URL;
  const ttlSeconds = Number(source.LIVE_LINK_TTL_SECONDS ?? DEFAULT_TTL_SECONDS);
  return {
    secret,
    publicBaseUrl:
      typeof base === "string" && /^https?:\/\//.test(base) ? base.replace(/\/+$/, "") : null,
    ttlMs:
      (Number.isFinite(ttlSeconds) && ttlSeconds > 0 ? ttlSeconds : DEFAULT_TTL_SECONDS) * 1000,
  };
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

function signedText(workflowId: string, expiresSeconds: number): Uint8Array {
  return new TextEncoder().encode(`live:${workflowId}:${expiresSeconds}`);
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

/** The `sig` parameter for one workflow, valid until `expiresAtMs`. */
export async function signLiveLink(
  secret: string,
  workflowId: string,
  expiresAtMs: number,
): Promise<string> {
  const expires = Math.floor(expiresAtMs / 1000);
  const mac = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secret),
    signedText(workflowId, expires),
  );
  return `${expires}.${toBase64Url(mac)}`;
}

export async function checkLiveLink(
  secret: string,
  workflowId: string,
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
    signedText(workflowId, expires),
  );
  if (!valid) return "invalid";
  return expires * 1000 <= now ? "expired" : "ok";
}

/** The link shown on the progress message: stable for a workflow, so edits do not churn it. */
export async function liveViewUrl(
  settings: LiveLinkSettings,
  workflowId: string,
  receivedAt: number,
): Promise<string | null> {
  if (!settings.publicBaseUrl) return null;
  const sig = await signLiveLink(settings.secret, workflowId, receivedAt + settings.ttlMs);
  return `${settings.publicBaseUrl}/w/${encodeURIComponent(workflowId)}?sig=${encodeURIComponent(sig)}`;
}

/** The workflow's live view link, or null when the live view is off or the workflow unknown. */
export async function liveViewUrlFor(
  env: Env,
  workflow: { workflow_id: string; received_at: number } | null,
): Promise<string | null> {
  const settings = liveLinkSettings(env);
  if (!settings || !workflow) return null;
  return liveViewUrl(settings, workflow.workflow_id, workflow.received_at);
}
