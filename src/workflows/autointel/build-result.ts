import type {
  JsonValue,
  ResultFinding,
  WorkflowDefinition,
  WorkflowResult,
} from "../../workflow/definition.ts";
import type { AutointelOptions } from "./options.ts";
import { type LinkProblem, type ReportFigures, reportFigures } from "./report-figures.ts";
import { reportMarkdown } from "./report-markdown.ts";

type ResultInput = Parameters<WorkflowDefinition<AutointelOptions>["buildResult"]>[0];

const number = (value: number) => value.toLocaleString("en-US");
// The message shows a few of each finding; report.md and result.json have them all.
const FINDING_ITEMS = 5;

function summaryLine(
  options: AutointelOptions,
  figures: ReportFigures,
  status: string,
  error?: string,
): string {
  // A page's title can be anything up to 300 characters; the summary is one line.
  const title = figures.extract?.title;
  const name = title ? `"${title.length > 100 ? `${title.slice(0, 99)}…` : title}"` : options.url;
  if (status !== "completed")
    return `Analysis of ${name} ${status}${error ? `: ${error}` : ""}`.slice(0, 500);
  return `${name}: ${figures.pagesCrawled} pages crawled, ${figures.linksChecked} links checked, ${figures.broken.length} broken.`;
}

function keyFields(figures: ReportFigures): { name: string; value: string }[] {
  const fields: { name: string; value: string }[] = [];
  const { page, extract, crawl } = figures;
  if (page)
    fields.push({
      name: "Start page",
      value: `HTTP ${page.status} · ${(page.bytes / 1024).toFixed(1)} KiB · ${page.elapsedMs} ms`,
    });
  if (extract) {
    fields.push({
      name: "Words",
      value: `${number(extract.wordCount)} (~${extract.readingMinutes} min read)`,
    });
    fields.push({ name: "Language", value: extract.lang ?? "not declared" });
  }
  if (crawl)
    fields.push({
      name: "Pages crawled",
      value: `${figures.pagesCrawled} of up to ${crawl.pageBudget}`,
    });
  if (crawl || extract) {
    fields.push({ name: "Links checked", value: number(figures.linksChecked) });
    fields.push({ name: "Broken links", value: String(figures.broken.length) });
    fields.push({ name: "Redirects", value: String(figures.redirected.length) });
    fields.push({ name: "Images without alt", value: String(figures.imagesWithoutAlt) });
  }
  if (figures.topTerms.length)
    fields.push({
      name: "Top terms",
      value: figures.topTerms
        .slice(0, 8)
        .map(([term]) => term)
        .join(", ")
        .slice(0, 1024),
    });
  return fields;
}

function resultData(
  options: AutointelOptions,
  figures: ReportFigures,
  status: string,
  error?: string,
) {
  const { page, extract, crawl, links, summary } = figures;
  return {
    url: options.url,
    depth: options.depth,
    status,
    error: error ?? null,
    page: page && {
      requestedUrl: page.requestedUrl,
      finalUrl: page.finalUrl,
      status: page.status,
      contentType: page.contentType,
      bytes: page.bytes,
      elapsedMs: page.elapsedMs,
      redirects: page.redirects,
    },
    extract,
    site: crawl && {
      origin: crawl.origin,
      robots: crawl.robotsNote,
      delayMs: crawl.delayMs,
      pageBudget: crawl.pageBudget,
      pagesCrawled: figures.pagesCrawled,
      htmlPages: figures.htmlPages,
      invocations: crawl.invocations,
      skippedByRobots: crawl.skippedByRobots,
      pages: crawl.pages,
    },
    links: {
      found: figures.linksFound,
      checked: figures.linksChecked,
      broken: figures.broken,
      refused: figures.refused,
      redirected: figures.redirected,
      unverified: figures.unverified,
      skippedByRobots: links?.skippedByRobots ?? null,
      notChecked: links?.notChecked ?? null,
      cappedPerHost: links?.cappedPerHost ?? null,
      results: links?.checked ?? [],
    },
    topTerms: figures.topTerms,
    summary,
  } satisfies JsonValue;
}

/** Where a link was found, as a path when it is on the same site as the link (shorter). */
function foundOnLabel(url: string, foundOn: string | null): string | null {
  if (!foundOn) return null;
  try {
    const page = new URL(foundOn);
    return page.origin === new URL(url).origin ? `${page.pathname}${page.search}` : foundOn;
  } catch {
    return foundOn;
  }
}

function finding(title: string, problems: LinkProblem[]): ResultFinding {
  return {
    title,
    total: problems.length,
    items: problems.slice(0, FINDING_ITEMS).map((problem) => ({
      subject: problem.url,
      detail: problem.problem || null,
      foundOn: foundOnLabel(problem.url, problem.foundOn),
    })),
  };
}

/** Links that answered 4xx/5xx, then those that could not be reached, then refused addresses. */
function keyFindings(figures: ReportFigures): ResultFinding[] {
  return [
    finding(
      "Broken links",
      figures.broken.filter((problem) => problem.answered),
    ),
    finding(
      "Could not be reached",
      figures.broken.filter((problem) => !problem.answered),
    ),
    finding("Refused addresses (unsafe)", figures.refused),
  ];
}

/** result.json's `data`. */
export type AutointelResultData = ReturnType<typeof resultData>;

/** The report: summary line, key figures as embed fields, report.md and result.json. */
export function buildAutointelResult({
  options,
  outputs,
  status,
  error,
}: ResultInput): WorkflowResult {
  const figures = reportFigures(outputs);
  return {
    summary: summaryLine(options, figures, status, error),
    markdown: reportMarkdown(options, figures, status, error),
    data: resultData(options, figures, status, error),
    fields: keyFields(figures),
    findings: keyFindings(figures),
  };
}
