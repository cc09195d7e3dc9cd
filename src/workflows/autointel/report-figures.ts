import type { JsonValue } from "../../workflow/definition.ts";
import type { PageExtract } from "./extract-page.ts";
import type { NetworkFailure } from "./network-failure.ts";
import {
  type CrawlOutput,
  type FetchOutput,
  type LinksOutput,
  type SummaryOutput,
  stageOutput,
} from "./outputs.ts";

export type LinkProblem = {
  url: string;
  problem: string;
  foundOn: string | null;
  /** It answered (4xx/5xx): something a reader can fix; otherwise it could not be reached. */
  answered: boolean;
  /** The HTTP status it answered with, or why it got no answer: `problem` in the reader's words. */
  httpStatus?: number | null;
  failure?: NetworkFailure | null;
  /** Why it was refused, as the stored catalog message (`problem` says it in English). */
  refusal?: JsonValue | null;
};

/** The numbers the report states, computed once from whatever stages finished. */
export type ReportFigures = {
  page: FetchOutput | null;
  extract: PageExtract | null;
  crawl: CrawlOutput | null;
  links: LinksOutput | null;
  summary: SummaryOutput | null;
  pagesCrawled: number;
  htmlPages: number;
  linksFound: number;
  linksChecked: number;
  broken: LinkProblem[];
  refused: LinkProblem[];
  redirected: LinkProblem[];
  unverified: number;
  imagesWithoutAlt: number;
  topTerms: [string, number][];
};

const BROKEN_PAGE_OUTCOMES = new Set(["http_error", "timeout", "failed"]);
export const TOP_TERMS_SHOWN = 15;

export function reportFigures(outputs: Readonly<Record<string, JsonValue>>): ReportFigures {
  const page = stageOutput(outputs, "fetch") ?? null;
  const extract = stageOutput(outputs, "extract") ?? null;
  const crawl = stageOutput(outputs, "crawl") ?? null;
  const links = stageOutput(outputs, "links") ?? null;
  const summary = stageOutput(outputs, "summary") ?? null;
  const pages = crawl?.pages ?? [];
  const pageUrl = (index: number) => pages[index]?.url ?? null;
  const broken: LinkProblem[] = [];
  const refused: LinkProblem[] = [];
  const redirected: LinkProblem[] = [];

  // Pages the crawl fetched are links whose status is already known (the start page is not).
  for (const crawled of pages.slice(1)) {
    const entry = {
      url: crawled.url,
      problem: crawled.note ?? "",
      foundOn: pageUrl(crawled.foundOn),
      answered: crawled.outcome === "http_error",
      httpStatus: crawled.outcome === "http_error" ? crawled.status : null,
    };
    if (BROKEN_PAGE_OUTCOMES.has(crawled.outcome)) broken.push(entry);
    else if (crawled.outcome === "refused") refused.push(entry);
    else if (crawled.finalUrl) redirected.push({ ...entry, problem: `→ ${crawled.finalUrl}` });
  }
  for (const result of links?.checked ?? []) {
    const entry = {
      url: result.url,
      problem: result.note ?? "",
      foundOn: pageUrl(result.from),
      answered: result.status !== null,
      httpStatus: result.outcome === "broken" ? result.status : null,
      failure: result.failure ?? null,
      refusal: result.refusal ?? null,
    };
    if (result.outcome === "broken") broken.push(entry);
    else if (result.outcome === "refused") refused.push(entry);
    else if (result.outcome === "redirected")
      redirected.push({ ...entry, problem: `→ ${result.finalUrl}` });
  }

  const analysed = pages.filter((p) => p.outcome === "ok");
  return {
    page,
    extract,
    crawl,
    links,
    summary,
    pagesCrawled: pages.length,
    htmlPages: analysed.length,
    linksFound: crawl ? crawl.links.length - 1 + crawl.linksDropped : (extract?.links.length ?? 0),
    linksChecked: Math.max(0, pages.length - 1) + (links?.checked.length ?? 0),
    // Links that answered first: what a reader can fix, before hosts that could not be reached.
    broken: [...broken.filter((p) => p.answered), ...broken.filter((p) => !p.answered)],
    refused,
    redirected,
    unverified: links?.checked.filter((l) => l.outcome === "unverified").length ?? 0,
    imagesWithoutAlt: crawl
      ? analysed.reduce((sum, p) => sum + (p.imagesWithoutAlt ?? 0), 0)
      : (extract?.imagesWithoutAltCount ?? 0),
    topTerms: (crawl?.terms ?? extract?.terms ?? []).slice(0, TOP_TERMS_SHOWN),
  };
}
