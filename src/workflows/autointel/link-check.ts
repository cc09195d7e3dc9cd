import { guardedFetch, withDeadline } from "../../net/guarded-fetch.ts";
import { type AutointelConfig, USER_AGENT } from "./config.ts";
import type { LinkOutcome } from "./outputs.ts";

export type LinkCheck = {
  outcome: LinkOutcome;
  status: number | null;
  finalUrl: string | null;
  note: string | null;
};

// Answers to HEAD that often mean "this server does not do HEAD", not "this link is broken".
const RETRY_WITH_GET = new Set([400, 403, 405, 406, 501]);

async function request(
  url: string,
  method: "HEAD" | "GET",
  config: AutointelConfig,
  signal: AbortSignal,
): Promise<LinkCheck | "aborted"> {
  const deadline = withDeadline(signal, config.fetchTimeoutMs);
  const answer = await guardedFetch(url, {
    method,
    policy: config.policy,
    signal: deadline.signal,
    headers: { "user-agent": USER_AGENT, accept: "*/*" },
  });
  if (answer.kind === "refused") {
    const where = answer.redirects.length > 0 ? `redirects to ${answer.url}: ` : "";
    return { outcome: "refused", status: null, finalUrl: null, note: `${where}${answer.reason}` };
  }
  if (answer.kind === "failed") {
    if (signal.aborted) return "aborted";
    const note = deadline.timedOut()
      ? `no answer within ${config.fetchTimeoutMs / 1000} s`
      : answer.message;
    return { outcome: "broken", status: null, finalUrl: null, note };
  }
  // Only the status matters; the body is never read.
  await answer.response.body?.cancel();
  const status = answer.response.status;
  const finalUrl = answer.redirects.length > 0 ? answer.url : null;
  if (status === 429)
    return { outcome: "unverified", status, finalUrl, note: "the server asked us to slow down" };
  if (status >= 400)
    return { outcome: "broken", status, finalUrl, note: `answered HTTP ${status}` };
  return { outcome: finalUrl ? "redirected" : "ok", status, finalUrl, note: null };
}

/** HEAD first; GET when the server does not seem to support HEAD. */
export async function checkLink(
  url: string,
  config: AutointelConfig,
  signal: AbortSignal,
): Promise<LinkCheck | "aborted"> {
  const head = await request(url, "HEAD", config, signal);
  if (head === "aborted" || head.status === null || !RETRY_WITH_GET.has(head.status)) return head;
  const get = await request(url, "GET", config, signal);
  if (get === "aborted") return get;
  return { ...get, note: get.note ?? `HEAD answered ${head.status}; checked with GET` };
}
