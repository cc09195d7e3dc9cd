import type { TextRef } from "../i18n/text-ref.ts";
import { checkResolvedName, checkUrl, type FetchPolicy } from "./url-guard.ts";

export type RedirectHop = {
  url: string;
  status: number;
  location: string;
};

export interface GuardedRequest {
  method?: "GET" | "HEAD";
  headers?: Record<string, string>;
  policy: FetchPolicy;
  /** Aborts every hop; the caller keeps using it while reading the body. */
  signal: AbortSignal;
  maxRedirects?: number;
  /** The network seam; `fetch` unless a test passes its own. */
  fetcher?: typeof fetch;
}

export type GuardedResponse =
  | { kind: "response"; url: string; response: Response; redirects: RedirectHop[] }
  | { kind: "refused"; url: string; reason: string; refusal?: TextRef; redirects: RedirectHop[] }
  | {
      kind: "failed";
      url: string;
      problem: "network" | "unresolved" | "aborted" | "too_many_redirects" | "bad_redirect";
      message: string;
      redirects: RedirectHop[];
    };

export const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * `fetch` that follows redirects by hand so every hop passes the SSRF guard (its URL, then where
 * its name resolves) before a request is sent to it. The final response is returned unread.
 */
export async function guardedFetch(
  input: string,
  request: GuardedRequest,
): Promise<GuardedResponse> {
  const fetcher = request.fetcher ?? fetch;
  const maxRedirects = request.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const redirects: RedirectHop[] = [];
  let method = request.method ?? "GET";
  let current = input;
  for (;;) {
    const verdict = checkUrl(current, request.policy);
    if (!verdict.ok)
      return {
        kind: "refused",
        url: current,
        reason: verdict.reason,
        refusal: verdict.refusal,
        redirects,
      };
    const url = verdict.url.href;
    const named = await checkResolvedName(verdict.url, request.policy, request.signal);
    if (!named.ok && named.unresolved)
      return { kind: "failed", url, problem: "unresolved", message: named.reason, redirects };
    if (!named.ok)
      return { kind: "refused", url, reason: named.reason, refusal: named.refusal, redirects };
    let response: Response;
    try {
      response = await fetcher(url, {
        method,
        headers: request.headers,
        redirect: "manual",
        signal: request.signal,
      });
    } catch (error) {
      const problem = request.signal.aborted ? "aborted" : "network";
      const message = error instanceof Error ? error.message : String(error);
      return { kind: "failed", url, problem, message, redirects };
    }
    const location = response.headers.get("location");
    if (!REDIRECT_STATUSES.has(response.status) || location === null)
      return { kind: "response", url, response, redirects };
    await response.body?.cancel();
    let next: string;
    try {
      next = new URL(location, url).href;
    } catch {
      const message = `redirect to an unreadable location "${location.slice(0, 200)}"`;
      return { kind: "failed", url, problem: "bad_redirect", message, redirects };
    }
    redirects.push({ url, status: response.status, location: next });
    if (redirects.length > maxRedirects) {
      const message = `more than ${maxRedirects} redirects`;
      return { kind: "failed", url: next, problem: "too_many_redirects", message, redirects };
    }
    if (response.status === 303) method = "GET";
    current = next;
  }
}

/** The caller's signal plus a timeout, telling afterwards which of the two fired. */
export function withDeadline(
  parent: AbortSignal,
  timeoutMs: number,
): { signal: AbortSignal; timedOut: () => boolean } {
  const timer = AbortSignal.timeout(timeoutMs);
  return {
    signal: AbortSignal.any([parent, timer]),
    timedOut: () => timer.aborted && !parent.aborted,
  };
}
