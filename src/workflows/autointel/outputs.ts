import type { RedirectHop } from "../../net/guarded-fetch.ts";
import type { JsonObject, JsonValue } from "../../workflow/definition.ts";
import type { PageExtract } from "./extract-page.ts";
import type { NetworkFailure } from "./network-failure.ts";
import type { RobotsRules } from "./robots.ts";

// What each stage hands to the next (and to the report). Type aliases, not interfaces, so they
// stay assignable to JsonValue.

export type ResolveOutput = { url: string; origin: string };

export type FetchOutput = {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  bytes: number;
  elapsedMs: number;
  fetchedAt: number;
  redirects: RedirectHop[];
  /**
   * The page itself (at most PAGE_MAX_BYTES), for the extract stage. The engine keeps outputs
   * over 64 KB in R2, but loads every output into every later claim: the one large output of this workflow.
   */
  html: string;
};

export type PageOutcome =
  | "ok"
  | "not_html"
  | "http_error"
  | "too_large"
  | "timeout"
  | "refused"
  | "failed"
  | "duplicate"
  | "left_site";

export type CrawledPage = {
  url: string;
  depth: number;
  /** Index of the page the link to this one was first found on; -1 for the start page. */
  foundOn: number;
  outcome: PageOutcome;
  status: number | null;
  /** Where redirects ended, when they did. */
  finalUrl: string | null;
  title: string | null;
  words: number | null;
  links: number | null;
  imagesWithoutAlt: number | null;
  ms: number | null;
  note: string | null;
};

/**
 * What reading robots.txt found, shown in the reader's words. `problem` and `failure` are the
 * parser's and the fetch's own (English) words; crawls saved before this hold a sentence.
 */
export type RobotsNote =
  | { kind: "pending" }
  | { kind: "read"; rules: number; crawlDelaySeconds: number | null; capSeconds: number }
  | { kind: "refused"; problem: string }
  | { kind: "missing"; status: number }
  | { kind: "unreadable"; failure: string };

export type CrawlOutput = {
  origin: string;
  pageBudget: number;
  robotsNote: RobotsNote | string;
  robots: RobotsRules;
  delayMs: number;
  /** pages[0] is the start page. */
  pages: CrawledPage[];
  /** Every link found on the analysed pages: [same-site path or absolute URL, index of the page it was first found on]. */
  links: [string, number][];
  /** Links beyond the tracking limit, not kept. */
  linksDropped: number;
  /** Links longer than MAX_LINK_LENGTH, not kept. */
  linksTooLong: number;
  skippedByRobots: string[];
  terms: [string, number][];
  lastRequestEndAt: number;
  invocations: number;
};

export type LinkOutcome = "ok" | "redirected" | "broken" | "refused" | "unverified";

export type LinkResult = {
  url: string;
  /** Index into the crawl's pages: where the link was found. */
  from: number;
  outcome: LinkOutcome;
  status: number | null;
  finalUrl: string | null;
  note: string | null;
  /** Why it got no answer (absent in results saved before it was recorded). */
  failure?: NetworkFailure | null;
  /**
   * Why a refused address was refused, as a catalog message (a TextRef stored as JSON, read back
   * with isTextRef) for the reader's words; absent in older results. Not part of result.json.
   */
  refusal?: JsonObject | null;
};

export type LinksOutput = {
  checked: LinkResult[];
  linkBudget: number;
  /** Same-site links robots.txt forbids us to request. */
  skippedByRobots: number;
  /** Links beyond the depth's link budget. */
  notChecked: number;
  /** Off-site links beyond LINK_CHECKS_PER_HOST for their host (absent in older outputs). */
  cappedPerHost?: number;
  invocations: number;
};

export type SummaryOutput = { skipped: string } | { model: string; summary: string };

/** Why the summary stage wrote none: stored as these words, shown in the reader's language. */
export const SUMMARY_SKIPPED = {
  noBinding: "no AI binding",
  noText: "Workers AI returned no text",
} as const;

export type AutointelOutputs = {
  resolve: ResolveOutput;
  fetch: FetchOutput;
  extract: PageExtract;
  crawl: CrawlOutput;
  links: LinksOutput;
  summary: SummaryOutput;
};

/**
 * A previous stage's output, typed. The engine stores what the stage returned; the check is only
 * that something object-shaped is there (absent when the workflow ended before that stage).
 */
export function stageOutput<Name extends keyof AutointelOutputs>(
  outputs: Readonly<Record<string, JsonValue>>,
  name: Name,
): AutointelOutputs[Name] | undefined {
  const value = outputs[name];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  return value as unknown as AutointelOutputs[Name];
}

/** Like stageOutput, for a stage that must have run: its absence is a bug, not bad input. */
export function requiredOutput<Name extends keyof AutointelOutputs>(
  outputs: Readonly<Record<string, JsonValue>>,
  name: Name,
): AutointelOutputs[Name] {
  const value = stageOutput(outputs, name);
  if (!value) throw new Error(`the "${name}" stage's output is missing`);
  return value;
}
