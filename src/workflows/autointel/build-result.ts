import type { JsonValue, WorkflowDefinition, WorkflowResult } from "../../workflow/definition.ts";
import type { AutointelOptions } from "./options.ts";
import { type ReportFigures, reportFigures } from "./report-figures.ts";
import { reportMarkdown } from "./report-markdown.ts";

type ResultInput = Parameters<WorkflowDefinition<AutointelOptions>["buildResult"]>[0];

const number = (value: number) => value.toLocaleString("en-US");

function summaryLine(
  options: AutointelOptions,
  figures: ReportFigures,
  status: string,
  error?: string,
): string {
  const name = figures.extract?.title ? `"${figures.extract.title}"` : options.url;
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
      results: links?.checked ?? [],
    },
    topTerms: figures.topTerms,
    summary,
  } satisfies JsonValue;
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
  };
}
