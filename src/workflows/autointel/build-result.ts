import type { Formatters } from "../../i18n/formatters.ts";
import { formattersFor, type Translate } from "../../i18n/translator.ts";
import type {
  JsonValue,
  ResultFinding,
  WorkflowDefinition,
  WorkflowResult,
} from "../../workflow/definition.ts";
import type { AutointelOptions } from "./options.ts";
import { problemText } from "./problem-text.ts";
import { type LinkProblem, type ReportFigures, reportFigures } from "./report-figures.ts";
import { type ReportText, reportMarkdown } from "./report-markdown.ts";

type ResultInput = Parameters<WorkflowDefinition<AutointelOptions>["buildResult"]>[0];

// The message shows a few of each finding; report.md and result.json have them all.
const FINDING_ITEMS = 5;

/** How the workflow ended, in words. */
function statusWords(t: Translate, status: ResultInput["status"]): string {
  switch (status) {
    case "completed":
      return t("autointel.status.completed");
    case "failed":
      return t("autointel.status.failed");
    case "cancelled":
      return t("autointel.status.cancelled");
    case "timed_out":
      return t("autointel.status.timedOut");
  }
}

function summaryLine(
  t: Translate,
  options: AutointelOptions,
  figures: ReportFigures,
  status: ResultInput["status"],
  error?: string,
): string {
  // A page's title can be anything up to 300 characters; the summary is one line.
  const title = figures.extract?.title;
  const name = title
    ? t("autointel.summary.title", { title: title.length > 100 ? `${title.slice(0, 99)}…` : title })
    : options.url;
  if (status !== "completed")
    return t("autointel.summary.ended", {
      name,
      status: statusWords(t, status),
      error: error ?? "",
    }).slice(0, 500);
  return t("autointel.summary.done", {
    name,
    pages: figures.pagesCrawled,
    links: figures.linksChecked,
    broken: figures.broken.length,
  });
}

function keyFields(t: Translate, f: Formatters, figures: ReportFigures) {
  const fields: { name: string; value: string }[] = [];
  const { page, extract, crawl } = figures;
  const count = (name: string, value: number) => fields.push({ name, value: f.number(value) });
  if (page)
    fields.push({
      name: t("autointel.field.startPage"),
      value: t("autointel.field.startPage.value", {
        status: page.status,
        bytes: page.bytes,
        ms: page.elapsedMs,
      }),
    });
  if (extract) {
    fields.push({
      name: t("autointel.field.words"),
      value: t("autointel.field.words.value", {
        words: extract.wordCount,
        minutes: extract.readingMinutes,
      }),
    });
    fields.push({
      name: t("autointel.field.language"),
      value: extract.lang ?? t("autointel.field.language.none"),
    });
  }
  if (crawl)
    fields.push({
      name: t("autointel.field.pagesCrawled"),
      value: t("autointel.field.pagesCrawled.value", {
        pages: figures.pagesCrawled,
        budget: crawl.pageBudget,
      }),
    });
  if (crawl || extract) {
    count(t("autointel.field.linksChecked"), figures.linksChecked);
    count(t("autointel.field.brokenLinks"), figures.broken.length);
    count(t("autointel.field.redirects"), figures.redirected.length);
    count(t("autointel.field.imagesWithoutAlt"), figures.imagesWithoutAlt);
  }
  if (figures.topTerms.length)
    fields.push({
      name: t("autointel.field.topTerms"),
      value: f.list(figures.topTerms.slice(0, 8).map(([term]) => term)).slice(0, 1024),
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
      broken: figures.broken.map(withoutRefusal),
      refused: figures.refused.map(withoutRefusal),
      redirected: figures.redirected.map(withoutRefusal),
      unverified: figures.unverified,
      skippedByRobots: links?.skippedByRobots ?? null,
      notChecked: links?.notChecked ?? null,
      cappedPerHost: links?.cappedPerHost ?? null,
      results: (links?.checked ?? []).map(withoutRefusal),
    },
    topTerms: figures.topTerms,
    summary,
  } satisfies JsonValue;
}

/** result.json says why in English (`problem`, `note`): the catalog message is for the report. */
function withoutRefusal<T extends { refusal?: unknown }>({
  refusal: _,
  ...rest
}: T): Omit<T, "refusal"> {
  return rest;
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

function finding(t: Translate, title: string, problems: LinkProblem[]): ResultFinding {
  return {
    title,
    total: problems.length,
    items: problems.slice(0, FINDING_ITEMS).map((problem) => ({
      subject: problem.url,
      detail: problemText(t, problem) || null,
      foundOn: foundOnLabel(problem.url, problem.foundOn),
    })),
  };
}

/** Links that answered 4xx/5xx, then those that could not be reached, then refused addresses. */
function keyFindings(t: Translate, figures: ReportFigures): ResultFinding[] {
  return [
    finding(
      t,
      t("autointel.finding.broken"),
      figures.broken.filter((problem) => problem.answered),
    ),
    finding(
      t,
      t("autointel.finding.unreached"),
      figures.broken.filter((problem) => !problem.answered),
    ),
    finding(t, t("autointel.finding.refused"), figures.refused),
  ];
}

/** result.json's `data`. */
export type AutointelResultData = ReturnType<typeof resultData>;

/**
 * The report in the workflow's language: summary line, key figures as embed fields, findings and
 * report.md; result.json (`data`) keeps English keys and machine values.
 */
export function buildAutointelResult({
  options,
  outputs,
  status,
  error,
  locale,
  text: t,
}: ResultInput): WorkflowResult {
  const figures = reportFigures(outputs);
  const report: ReportText = { t, f: formattersFor(locale) };
  const words = statusWords(t, status);
  return {
    summary: summaryLine(t, options, figures, status, error),
    markdown: reportMarkdown(report, options, figures, words, error),
    data: resultData(options, figures, status, error),
    fields: keyFields(t, report.f, figures),
    findings: keyFindings(t, figures),
  };
}
