import { checkUrl, type FetchPolicy } from "../net/url-guard.ts";

export const SIGNATURE_HEADER = "x-longflow-signature";
export const TIMESTAMP_HEADER = "x-longflow-timestamp";
const CALLBACK_TIMEOUT_MS = 10_000;

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: what a receiver recomputes. */
export async function signCallback(
  secret: string,
  timestamp: string,
  body: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign(
    "HMAC",
    key,
    new TextEncoder().encode(`${timestamp}.${body}`),
  );
  return `sha256=${toHex(mac)}`;
}

export function newCallbackSecret(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(32)).buffer);
}

export type CallbackOutcome =
  | { kind: "delivered"; status: number }
  | { kind: "retry"; reason: string }
  | { kind: "refused"; reason: string };

/**
 * POSTs one finished workflow to a guild's callback URL through the same SSRF guard as
 * /autointel. Redirects are not followed (a redirect could lead anywhere); 5xx, 429 and network
 * failures are worth retrying, other answers are final.
 */
export async function postCallback(
  url: string,
  secret: string,
  payload: Record<string, unknown>,
  policy: FetchPolicy,
  now: number,
): Promise<CallbackOutcome> {
  const verdict = checkUrl(url, policy);
  if (!verdict.ok) return { kind: "refused", reason: verdict.reason };
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(now / 1000));
  let response: Response;
  try {
    response = await fetch(verdict.url.href, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/json",
        "user-agent": "longflow-discord-bot callback",
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: await signCallback(secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: "retry", reason: error instanceof Error ? error.message : String(error) };
  }
  await response.body?.cancel();
  if (response.status >= 200 && response.status < 300)
    return { kind: "delivered", status: response.status };
  if (response.status >= 500 || response.status === 429)
    return { kind: "retry", reason: `HTTP ${response.status}` };
  return { kind: "refused", reason: `HTTP ${response.status}` };
}
