import { storedText, textRef } from "../../i18n/text-ref.ts";
import { guardedFetch, withDeadline } from "../../net/guarded-fetch.ts";
import { type AutointelConfig, USER_AGENT } from "./config.ts";
import {
  classifyNetworkMessage,
  describeNetworkFailure,
  type NetworkFailure,
  resolveOpaqueFailure,
} from "./network-failure.ts";
import type { LinkOutcome } from "./outputs.ts";

export type LinkCheck = {
  outcome: LinkOutcome;
  status: number | null;
  finalUrl: string | null;
  note: string | null;
  /** Why a link without an answer got none; null when it answered. */
  failure: NetworkFailure | null;
  /** A refused link's reason as a stored catalog message (LinkResult.refusal). */
  refusal?: { [key: string]: never } | null;
};

/** A refused redirect target kept in the stage state is cut here (the target is outside text). */
const MAX_REFUSED_URL = 300;

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
    const note = `${where}${answer.reason}`;
    const refusal =
      answer.refusal && answer.redirects.length > 0
        ? textRef("autointel.problem.redirectRefused", {
            url: answer.url.slice(0, MAX_REFUSED_URL),
            reason: answer.refusal,
          })
        : (answer.refusal ?? null);
    return {
      outcome: "refused",
      status: null,
      finalUrl: null,
      note,
      failure: null,
      refusal: refusal && storedText(refusal),
    };
  }
  if (answer.kind === "failed") {
    if (signal.aborted) return "aborted";
    const failure = await nameFailure(answer, deadline.timedOut(), config, signal);
    if (signal.aborted) return "aborted";
    // A bad or endless redirect is the site's own doing: its words are the clearer name.
    const note =
      answer.problem === "network" || answer.problem === "unresolved" || failure === "timeout"
        ? describeNetworkFailure(failure, config.fetchTimeoutMs)
        : answer.message;
    return { outcome: "broken", status: null, finalUrl: null, note, failure };
  }
  // Only the status matters; the body is never read.
  await answer.response.body?.cancel();
  const status = answer.response.status;
  const finalUrl = answer.redirects.length > 0 ? answer.url : null;
  const answered = { status, finalUrl, failure: null };
  if (status === 429)
    return { outcome: "unverified", ...answered, note: "the server asked us to slow down" };
  if (status >= 400) return { outcome: "broken", ...answered, note: `answered HTTP ${status}` };
  return { outcome: finalUrl ? "redirected" : "ok", ...answered, note: null };
}

async function nameFailure(
  answer: { url: string; problem: string; message: string },
  timedOut: boolean,
  config: AutointelConfig,
  signal: AbortSignal,
): Promise<NetworkFailure> {
  if (timedOut) return "timeout";
  if (answer.problem === "unresolved") return "unresolved";
  if (answer.problem !== "network") return "unknown";
  const named = classifyNetworkMessage(answer.message);
  return named === "opaque" ? resolveOpaqueFailure(answer.url, config, signal) : named;
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
