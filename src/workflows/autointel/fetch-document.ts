import { type TextRef, textRef } from "../../i18n/text-ref.ts";
import { decodeText, readCappedBody } from "../../net/capped-body.ts";
import { guardedFetch, type RedirectHop, withDeadline } from "../../net/guarded-fetch.ts";
import { type AutointelConfig, USER_AGENT } from "./config.ts";
import { nameFailureMessage } from "./network-failure.ts";

type Fetched = { finalUrl: string; status: number; redirects: RedirectHop[]; elapsedMs: number };

/** Every way a fetch of a document can end; each is reported, none is thrown. */
export type DocumentFetch =
  | (Fetched & { kind: "document"; contentType: string | null; bytes: number; text: string })
  | (Fetched & { kind: "unwanted_type"; contentType: string | null })
  | (Fetched & { kind: "http_error" })
  | (Fetched & { kind: "too_large"; limit: number })
  | { kind: "refused"; url: string; reason: string; refusal?: TextRef; redirects: RedirectHop[] }
  | { kind: "timeout"; url: string; timeoutMs: number; redirects: RedirectHop[] }
  | { kind: "failed"; url: string; message: string; redirects: RedirectHop[] }
  | { kind: "aborted" };

const HTML_TYPES = ["text/html", "application/xhtml+xml"];

/** A missing Content-Type is taken for HTML, as browsers do for a page. */
export function isHtmlType(contentType: string | null): boolean {
  if (!contentType) return true;
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return HTML_TYPES.includes(type);
}

export interface DocumentRequest {
  config: AutointelConfig;
  signal: AbortSignal;
  accept: string;
  /** Whether a body of this Content-Type is worth reading. */
  wants: (contentType: string | null) => boolean;
  /** A body cap below the configured page cap (robots.txt). */
  maxBytes?: number;
  fetcher?: typeof fetch;
}

/** GET through the SSRF guard, with the configured timeout (all hops and the body) and size cap. */
export async function fetchDocument(url: string, request: DocumentRequest): Promise<DocumentFetch> {
  const { config } = request;
  const deadline = withDeadline(request.signal, config.fetchTimeoutMs);
  const startedAt = Date.now();
  const timeout = (at: string, redirects: RedirectHop[]): DocumentFetch =>
    request.signal.aborted
      ? { kind: "aborted" }
      : { kind: "timeout", url: at, timeoutMs: config.fetchTimeoutMs, redirects };
  const answer = await guardedFetch(url, {
    policy: config.policy,
    signal: deadline.signal,
    headers: { "user-agent": USER_AGENT, accept: request.accept },
    fetcher: request.fetcher,
  });
  if (answer.kind === "refused") return answer;
  if (answer.kind === "failed") {
    if (answer.problem === "aborted") return timeout(answer.url, answer.redirects);
    return {
      kind: "failed",
      url: answer.url,
      message: answer.message,
      redirects: answer.redirects,
    };
  }
  const { response } = answer;
  const contentType = response.headers.get("content-type");
  const fetched = (): Fetched => ({
    finalUrl: answer.url,
    status: response.status,
    redirects: answer.redirects,
    elapsedMs: Date.now() - startedAt,
  });
  if (response.status >= 400 || !request.wants(contentType)) {
    await response.body?.cancel();
    return response.status >= 400
      ? { kind: "http_error", ...fetched() }
      : { kind: "unwanted_type", ...fetched(), contentType };
  }
  try {
    const maxBytes = Math.min(config.pageMaxBytes, request.maxBytes ?? config.pageMaxBytes);
    const body = await readCappedBody(response, maxBytes, deadline.signal);
    if (!body.ok) return { kind: "too_large", ...fetched(), limit: body.limit };
    const text = decodeText(body.bytes, contentType);
    return { kind: "document", ...fetched(), contentType, bytes: body.bytes.byteLength, text };
  } catch (error) {
    if (deadline.signal.aborted) return timeout(answer.url, answer.redirects);
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: "failed",
      url: answer.url,
      message: `reading the body failed: ${message}`,
      redirects: answer.redirects,
    };
  }
}

/** One line a person understands, for reports and errors. */
export function describeFailure(result: DocumentFetch): string {
  switch (result.kind) {
    case "document":
      return `answered ${result.status}`;
    case "unwanted_type":
      return `is not an HTML page (${result.contentType ?? "no content type"})`;
    case "http_error":
      return `answered HTTP ${result.status}`;
    case "too_large":
      return `is larger than ${Math.round(result.limit / 1024)} KiB`;
    case "refused":
      return result.redirects.length > 0
        ? `redirected to ${result.url}, which was refused: ${result.reason}`
        : `was refused: ${result.reason}`;
    case "timeout":
      return `did not answer within ${result.timeoutMs / 1000} s`;
    case "failed":
      return `could not be fetched: ${nameFailureMessage(result.message)}`;
    case "aborted":
      return "was interrupted";
  }
}

/** The same as describeFailure, said to the user: a catalog message in their language. */
export function failureText(result: DocumentFetch): TextRef {
  switch (result.kind) {
    case "document":
      return textRef("autointel.pageProblem.answered", { status: result.status });
    case "unwanted_type":
      return textRef("autointel.pageProblem.notHtml", {
        type: result.contentType ?? textRef("autointel.pageProblem.noType"),
      });
    case "http_error":
      return textRef("autointel.pageProblem.httpError", { status: result.status });
    case "too_large":
      return textRef("autointel.pageProblem.tooLarge", { limit: result.limit });
    case "refused": {
      const reason = result.refusal ?? result.reason;
      return result.redirects.length > 0
        ? textRef("autointel.pageProblem.redirectRefused", { url: result.url, reason })
        : textRef("autointel.pageProblem.refused", { reason });
    }
    case "timeout":
      return textRef("autointel.pageProblem.timeout", { ms: result.timeoutMs });
    case "failed":
      return textRef("autointel.pageProblem.failed", {
        detail: nameFailureMessage(result.message),
      });
    case "aborted":
      return textRef("autointel.pageProblem.interrupted");
  }
}
