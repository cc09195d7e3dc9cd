import { textRef } from "../i18n/text-ref.ts";
import {
  checkResolvedName,
  checkUrl,
  type FetchPolicy,
  fetchPolicyFromEnv,
  type UrlVerdict,
} from "../net/url-guard.ts";
import { readNumberSetting } from "../settings.ts";
import type { GuildCallback } from "./settings.ts";
import { webhookHeaders } from "./standard-webhooks.ts";

const CALLBACK_TIMEOUT_MS = 10_000;

export interface CallbackPolicy {
  fetch: FetchPolicy;
  /** CALLBACK_ALLOW_HTTP: plain http:// receivers, for the local test receiver only. */
  allowHttp: boolean;
  /** CALLBACK_SECRET_GRACE_SECONDS: how long a replaced secret keeps signing. */
  rotationGraceMs: number;
}

export function callbackPolicyFromEnv(env: Env): CallbackPolicy {
  return {
    fetch: fetchPolicyFromEnv(env),
    allowHttp: env.CALLBACK_ALLOW_HTTP === "true",
    rotationGraceMs:
      readNumberSetting(env, "CALLBACK_SECRET_GRACE_SECONDS", 86_400, { max: 30 * 86_400 }) * 1000,
  };
}

/**
 * A receiver URL a guild may register: the SSRF guard's verdict, and https:// only (the body
 * names users and results; the signature proves who sent it, not that nobody read it).
 */
export function checkCallbackUrl(url: string, policy: CallbackPolicy): UrlVerdict {
  const verdict = checkUrl(url, policy.fetch);
  if (verdict.ok && verdict.url.protocol !== "https:" && !policy.allowHttp)
    return {
      ok: false,
      reason: "callbacks are sent only to https:// addresses",
      refusal: textRef("common.url.httpsOnly"),
    };
  return verdict;
}

export type CallbackOutcome =
  | { kind: "delivered"; status: number }
  | { kind: "retry"; reason: string }
  | { kind: "refused"; reason: string };

/**
 * POSTs one delivery to a guild's callback URL, signed by the Standard Webhooks specification
 * (standard-webhooks.ts) with `deliveryId` as its webhook-id, through the same SSRF guard as
 * /autointel. Redirects are not followed (a redirect could lead anywhere); 5xx, 429 and network
 * failures are worth retrying, other answers are final.
 */
export async function postCallback(
  callback: GuildCallback,
  deliveryId: string,
  payload: Record<string, unknown>,
  policy: CallbackPolicy,
  now: number,
): Promise<CallbackOutcome> {
  const verdict = checkCallbackUrl(callback.url, policy);
  if (!verdict.ok) return { kind: "refused", reason: verdict.reason };
  const signal = AbortSignal.timeout(CALLBACK_TIMEOUT_MS);
  const named = await checkResolvedName(verdict.url, policy.fetch, signal);
  if (!named.ok) return { kind: "refused", reason: named.reason };
  const body = JSON.stringify(payload);
  const secrets = [callback.secret];
  if (callback.previous && callback.previous.until > now) secrets.push(callback.previous.secret);
  let response: Response;
  try {
    response = await fetch(verdict.url.href, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/json",
        "user-agent": "longflow-discord-bot callback",
        ...(await webhookHeaders(deliveryId, secrets, Math.floor(now / 1000), body)),
      },
      body,
      signal,
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
