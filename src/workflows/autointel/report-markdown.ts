import { codeSpan, plainText } from "../../discord/render/safe-text.ts";
import type { Formatters } from "../../i18n/formatters.ts";
import type { Translate } from "../../i18n/translator.ts";
import { MAX_LINK_LENGTH, MAX_LINKS_PER_PAGE } from "./crawl-limits.ts";
import type { AutointelOptions } from "./options.ts";
import { type CrawledPage, type RobotsNote, SUMMARY_SKIPPED } from "./outputs.ts";
import { problemText } from "./problem-text.ts";
import type { LinkProblem, ReportFigures } from "./report-figures.ts";

const MAX_ROWS = 100;

// report.md is read in Discord's file preview and in Markdown viewers (some render HTML): every
// string that came from outside (page text, server headers, addresses, notes that quote them) is
// escaped at the line that prints it (no link, heading, HTML tag or table break can come from it)
// and addresses are code spans. Only numbers and our own words are printed as they are.

/** A table cell of page text: one line, Markdown escaped (pipes included). */
function cell(text: string | number | null | undefined): string {
  if (text === null || text === undefined || text === "") return "–";
  return plainText(String(text), 200) || "–";
}

/** An address in a cell or list: a code span (readable, never a link; pipes cannot escape it). */
function address(url: string | null | undefined): string {
  return url ? codeSpan(url, 300).replace(/\|/g, "\\|") : "–";
}

/** The report's words in its language, and that language's numbers. */
export type ReportText = { t: Translate; f: Formatters };

function problemTable({ t, f }: ReportText, title: string, rows: LinkProblem[]): string[] {
  if (rows.length === 0) return [];
  const lines = [
    `## ${title} (${f.number(rows.length)})`,
    "",
    t("autointel.report.problemHeader"),
    "|---|---|---|",
  ];
  for (const row of rows.slice(0, MAX_ROWS))
    lines.push(`| ${address(row.url)} | ${cell(problemText(t, row))} | ${address(row.foundOn)} |`);
  if (rows.length > MAX_ROWS)
    lines.push("", t("autointel.report.more", { count: rows.length - MAX_ROWS }));
  return [...lines, ""];
}

function startPageSection({ t }: ReportText, figures: ReportFigures): string[] {
  const { page, extract } = figures;
  if (!page || !extract) return [];
  const hops = page.redirects.map((hop) => `${hop.status} → ${address(hop.location)}`);
  const optional = (text: string | null, max: number) => (text ? plainText(text, max) : "");
  const lines = [
    t("autointel.report.startPage"),
    "",
    t("autointel.report.address", {
      address: address(page.finalUrl),
      hops: hops.length,
      list: hops.join(", "),
    }),
    t("autointel.report.answer", {
      status: page.status,
      contentType: optional(page.contentType, 200),
      bytes: page.bytes,
      ms: page.elapsedMs,
    }),
    t("autointel.report.pageTitle", { title: optional(extract.title, 300) }),
    t("autointel.report.description", { description: optional(extract.description, 300) }),
    t("autointel.report.language", { lang: optional(extract.lang, 40) }),
    t("autointel.report.canonical", {
      canonical: extract.canonical ? address(extract.canonical) : "",
    }),
    t("autointel.report.words", { words: extract.wordCount, minutes: extract.readingMinutes }),
    t("autointel.report.links", {
      web: extract.links.length,
      other: extract.otherLinks,
      notKept: extract.linksNotKept,
      perPage: MAX_LINKS_PER_PAGE,
      maxLength: MAX_LINK_LENGTH,
    }),
    t("autointel.report.images", {
      images: extract.images,
      withoutAlt: extract.imagesWithoutAltCount,
    }),
    ...(extract.readProblem
      ? [t("autointel.report.readProblem", { problem: plainText(extract.readProblem, 300) })]
      : []),
    "",
  ];
  const og = Object.entries(extract.openGraph);
  if (og.length) {
    lines.push(
      t("autointel.report.openGraph"),
      "",
      t("autointel.report.propertyHeader"),
      "|---|---|",
    );
    for (const [property, value] of og) lines.push(`| ${cell(property)} | ${cell(value)} |`);
    lines.push("");
  }
  if (extract.headings.length) {
    lines.push(t("autointel.report.outline"), "");
    for (const h of extract.headings)
      lines.push(`${"  ".repeat(h.level - 1)}- H${h.level} ${plainText(h.text, 200)}`);
    lines.push("");
  }
  if (extract.imagesWithoutAlt.length) {
    lines.push(
      t("autointel.report.imagesWithoutAltHeading"),
      "",
      ...extract.imagesWithoutAlt.map((src) => `- ${address(src)}`),
      "",
    );
  }
  return lines;
}

/** A crawled page's note: what its outcome says in the reader's words, else the stage's own. */
function pageNote(t: Translate, page: CrawledPage): string {
  if (page.outcome === "http_error" && page.status)
    return t("autointel.problem.http", { status: page.status });
  if (page.outcome === "left_site") return t("autointel.page.leftSite");
  if (page.outcome === "duplicate") return t("autointel.page.duplicate");
  return page.note ?? (page.finalUrl ? `→ ${page.finalUrl}` : "");
}

/** What reading robots.txt found; a crawl saved before notes were codes holds a sentence. */
function robotsText(t: Translate, note: RobotsNote | string): string {
  if (typeof note === "string") return plainText(note, 300);
  switch (note.kind) {
    case "pending":
      return t("autointel.robots.pending");
    case "read":
      return t("autointel.robots.read", {
        rules: note.rules,
        delaySeconds: note.crawlDelaySeconds ?? 0,
        capSeconds: note.capSeconds,
      });
    case "refused":
      return t("autointel.robots.refused", { problem: plainText(note.problem, 300) });
    case "missing":
      return t("autointel.robots.missing", { status: note.status });
    case "unreadable":
      return t("autointel.robots.unreadable", { failure: plainText(note.failure, 300) });
  }
}

function pagesSection({ t, f }: ReportText, figures: ReportFigures): string[] {
  const { crawl } = figures;
  if (!crawl) return [];
  const lines = [
    t("autointel.report.pages", { pages: crawl.pages.length, budget: crawl.pageBudget }),
    "",
    t("autointel.report.pagesHeader"),
    "|---|---|---|---|---|---|",
  ];
  for (const [index, page] of crawl.pages.slice(0, MAX_ROWS).entries()) {
    const status = page.status === null ? page.outcome : String(page.status);
    const note = pageNote(t, page);
    lines.push(
      `| ${f.number(index + 1)} | ${address(page.url)} | ${cell(status)} | ${cell(page.title)} | ${cell(page.words === null ? null : f.number(page.words))} | ${cell(note)} |`,
    );
  }
  lines.push(
    "",
    `- ${robotsText(t, crawl.robotsNote)}`,
    t("autointel.report.pause", { ms: crawl.delayMs }),
  );
  if (crawl.skippedByRobots.length)
    lines.push(
      t("autointel.report.robotsDisallowed", {
        list: crawl.skippedByRobots.map(address).join(", "),
      }),
    );
  if (crawl.linksDropped)
    lines.push(t("autointel.report.linksDropped", { count: crawl.linksDropped }));
  if (crawl.linksTooLong)
    lines.push(
      t("autointel.report.linksTooLong", { count: crawl.linksTooLong, max: MAX_LINK_LENGTH }),
    );
  return [...lines, ""];
}

/** A row of the key figures table. */
function figure(label: string, value: string): string {
  return `| ${label} | ${value} |`;
}

function keyFigures({ t, f }: ReportText, figures: ReportFigures): string[] {
  return [
    t("autointel.report.keyFigures"),
    "",
    t("autointel.report.figureHeader"),
    "|---|---|",
    figure(
      t("autointel.report.pagesCrawled"),
      t("autointel.report.pagesCrawled.value", {
        pages: figures.pagesCrawled,
        html: figures.htmlPages,
      }),
    ),
    figure(t("autointel.report.linksFound"), f.number(figures.linksFound)),
    figure(t("autointel.report.linksChecked"), f.number(figures.linksChecked)),
    figure(t("autointel.report.brokenLinks"), f.number(figures.broken.length)),
    figure(t("autointel.report.redirectedLinks"), f.number(figures.redirected.length)),
    figure(t("autointel.report.refusedUnsafe"), f.number(figures.refused.length)),
    figure(t("autointel.report.imagesWithoutAlt"), f.number(figures.imagesWithoutAlt)),
    "",
  ];
}

/** Why there is no AI summary: our own reasons in the reader's words. */
function skippedReason(t: Translate, reason: string): string {
  if (reason === SUMMARY_SKIPPED.noBinding) return t("autointel.report.aiSkipped.noBinding");
  if (reason === SUMMARY_SKIPPED.noText) return t("autointel.report.aiSkipped.noText");
  return plainText(reason, 300);
}

function footnotes({ t }: ReportText, figures: ReportFigures): string[] {
  const { links, summary } = figures;
  const lines: string[] = [];
  if (links && (links.notChecked || links.skippedByRobots))
    lines.push(
      t("autointel.report.notChecked", {
        notChecked: links.notChecked,
        budget: links.linkBudget,
        skipped: links.skippedByRobots,
      }),
      "",
    );
  if (links?.cappedPerHost)
    lines.push(t("autointel.report.cappedPerHost", { count: links.cappedPerHost }), "");
  if (summary && "skipped" in summary)
    lines.push(t("autointel.report.aiSkipped", { reason: skippedReason(t, summary.skipped) }), "");
  return lines;
}

/** report.md in the workflow's language; `status` is already in words. */
export function reportMarkdown(
  text: ReportText,
  options: AutointelOptions,
  figures: ReportFigures,
  status: string,
  error: string | undefined,
): string {
  const { t, f } = text;
  const summary = figures.summary;
  const lines = [
    t("autointel.report.title", { url: address(options.url) }),
    "",
    t("autointel.report.meta", {
      depth: plainText(options.depth, 40),
      status: plainText(status, 40),
      error: error ? plainText(error, 500) : "",
    }),
    "",
  ];
  if (summary && "summary" in summary)
    // Written by a model from the page's text: as untrusted as the page itself.
    lines.push(
      t("autointel.report.summary"),
      "",
      plainText(summary.summary, 4000),
      "",
      t("autointel.report.writtenBy", { model: plainText(summary.model, 100) }),
      "",
    );
  lines.push(...keyFigures(text, figures), ...startPageSection(text, figures));
  if (figures.topTerms.length) {
    lines.push(
      t("autointel.report.topTerms"),
      "",
      ...figures.topTerms.map(
        ([term, count], i) => `${f.number(i + 1)}. ${plainText(term, 60)} (${f.number(count)})`,
      ),
      "",
    );
  }
  lines.push(
    ...problemTable(text, t("autointel.report.brokenLinks"), figures.broken),
    ...problemTable(text, t("autointel.report.refusedLinks"), figures.refused),
    ...problemTable(text, t("autointel.report.redirectedLinks"), figures.redirected),
    ...pagesSection(text, figures),
    ...footnotes(text, figures),
  );
  return lines.join("\n");
}
