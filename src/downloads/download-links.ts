// Time-limited links to one stored file: `GET /files/<R2 key>?sig=<expires>.<mac>`, signed in the
// "file" scope with the key as the subject (src/secrets/link-signature.ts). Any result kind that
// keeps a file in R2 can hand one out: the link names the object, the signature is the grant.
// The `sig` is a bearer token: it goes in the link and nowhere else (never into a log line).

import {
  checkLink,
  type LinkCheck,
  linkSigningSecret,
  publicBaseUrl,
  signLink,
} from "../secrets/link-signature.ts";

const SCOPE = "file";
export const DOWNLOAD_PATH_PREFIX = "/files/";
/** R2 keys we hand out: path segments of safe characters; bounded, so checking one is cheap. */
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
const MAX_KEY_LENGTH = 512;

export interface DownloadLinkSettings {
  secret: string;
  baseUrl: string;
}

/** Null when LINK_SIGNING_SECRET or PUBLIC_BASE_URL is unset: no download links then. */
export function downloadLinkSettings(env: Env): DownloadLinkSettings | null {
  const secret = linkSigningSecret(env);
  const baseUrl = publicBaseUrl(env);
  return secret && baseUrl ? { secret, baseUrl } : null;
}

export function isDownloadableKey(key: string): boolean {
  return key.length <= MAX_KEY_LENGTH && KEY.test(key);
}

/** The link to the R2 object `key`, valid until `expiresAtMs`. */
export async function downloadUrl(
  settings: DownloadLinkSettings,
  key: string,
  expiresAtMs: number,
): Promise<string> {
  if (!isDownloadableKey(key)) throw new Error("not a key a download link can name");
  const sig = await signLink(settings.secret, SCOPE, key, expiresAtMs);
  return `${settings.baseUrl}${DOWNLOAD_PATH_PREFIX}${key}?sig=${encodeURIComponent(sig)}`;
}

/** The key a `/files/…` path names, or null when it cannot be one we signed. */
export function keyFromPath(pathname: string): string | null {
  if (!pathname.startsWith(DOWNLOAD_PATH_PREFIX)) return null;
  const key = pathname.slice(DOWNLOAD_PATH_PREFIX.length);
  return isDownloadableKey(key) ? key : null;
}

export function checkDownloadLink(
  settings: DownloadLinkSettings,
  key: string,
  sig: string | null,
  now: number,
): Promise<LinkCheck> {
  return checkLink(settings.secret, SCOPE, key, sig, now);
}
