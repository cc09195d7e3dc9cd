import { codeSpan, plainText } from "../../discord/render/safe-text.ts";
import { MAX_LINK_LENGTH, MAX_LINKS_PER_PAGE } from "./crawl-limits.ts";
import type { AutointelOptions } from "./options.ts";
import type { LinkProblem, ReportFigures } from "./report-figures.ts";

const MAX_ROWS = 100;

const number = (value: number) => value.toLocaleString("en-US");

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

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function problemTable(title: string, rows: LinkProblem[]): string[] {
  if (rows.length === 0) return [];
  const lines = [
    `## ${title} (${rows.length})`,
    "",
    "| Link | Problem | Found on |",
    "|---|---|---|",
  ];
  for (const row of rows.slice(0, MAX_ROWS))
    lines.push(`| ${address(row.url)} | ${cell(row.problem)} | ${address(row.foundOn)} |`);
  if (rows.length > MAX_ROWS) lines.push("", `…and ${rows.length - MAX_ROWS} more in result.json.`);
  return [...lines, ""];
}

function startPageSection(figures: ReportFigures): string[] {
  const { page, extract } = figures;
  if (!page || !extract) return [];
  const hops = page.redirects.map((hop) => `${hop.status} → ${address(hop.location)}`);
  const lines = [
    "## Start page",
    "",
    `- Address: ${address(page.finalUrl)}${hops.length ? ` (after ${hops.length} redirect${hops.length > 1 ? "s" : ""}: ${hops.join(", ")})` : ""}`,
    `- Answer: HTTP ${page.status}, ${page.contentType ? plainText(page.contentType, 200) : "no content type"}, ${kib(page.bytes)}, ${page.elapsedMs} ms`,
    `- Title: ${extract.title ? plainText(extract.title, 300) : "(none)"}`,
    `- Description: ${extract.description ? plainText(extract.description, 300) : "(none)"}`,
    `- Language: ${extract.lang ? plainText(extract.lang, 40) : "(not declared)"}`,
    `- Canonical: ${extract.canonical ? address(extract.canonical) : "(none)"}`,
    `- Words: ${number(extract.wordCount)} (about ${extract.readingMinutes} min to read)`,
    `- Links: ${number(extract.links.length)} to web pages, ${extract.otherLinks} others (mail, phone…)${extract.linksNotKept ? `; ${number(extract.linksNotKept)} more not kept (over ${MAX_LINKS_PER_PAGE} on one page, or over ${number(MAX_LINK_LENGTH)} characters long)` : ""}`,
    `- Images: ${extract.images}, of which ${extract.imagesWithoutAltCount} without alt text`,
    ...(extract.readProblem ? [`- The page was ${plainText(extract.readProblem, 300)}`] : []),
    "",
  ];
  const og = Object.entries(extract.openGraph);
  if (og.length) {
    lines.push("### Open Graph", "", "| Property | Value |", "|---|---|");
    for (const [property, value] of og) lines.push(`| ${cell(property)} | ${cell(value)} |`);
    lines.push("");
  }
  if (extract.headings.length) {
    lines.push("### Outline", "");
    for (const h of extract.headings)
      lines.push(`${"  ".repeat(h.level - 1)}- H${h.level} ${plainText(h.text, 200)}`);
    lines.push("");
  }
  if (extract.imagesWithoutAlt.length) {
    lines.push(
      "### Images without alt text",
      "",
      ...extract.imagesWithoutAlt.map((src) => `- ${address(src)}`),
      "",
    );
  }
  return lines;
}

function pagesSection(figures: ReportFigures): string[] {
  const { crawl } = figures;
  if (!crawl) return [];
  const lines = [
    `## Pages crawled (${crawl.pages.length} of a budget of ${crawl.pageBudget})`,
    "",
    "| # | Page | Status | Title | Words | Note |",
    "|---|---|---|---|---|---|",
  ];
  for (const [index, page] of crawl.pages.slice(0, MAX_ROWS).entries()) {
    const status = page.status === null ? page.outcome : String(page.status);
    const note = page.note ?? (page.finalUrl ? `→ ${page.finalUrl}` : "");
    lines.push(
      `| ${index + 1} | ${address(page.url)} | ${cell(status)} | ${cell(page.title)} | ${cell(page.words)} | ${cell(note)} |`,
    );
  }
  lines.push(
    "",
    `- ${plainText(crawl.robotsNote, 300)}`,
    `- Pause between requests to the site: ${crawl.delayMs / 1000} s`,
  );
  if (crawl.skippedByRobots.length)
    lines.push(
      `- Not crawled because robots.txt disallows them: ${crawl.skippedByRobots.map(address).join(", ")}`,
    );
  if (crawl.linksDropped)
    lines.push(`- ${crawl.linksDropped} further links were not tracked (limit reached)`);
  if (crawl.linksTooLong)
    lines.push(
      `- ${crawl.linksTooLong} links longer than ${number(MAX_LINK_LENGTH)} characters were not followed`,
    );
  return [...lines, ""];
}

export function reportMarkdown(
  options: AutointelOptions,
  figures: ReportFigures,
  status: string,
  error: string | undefined,
): string {
  const summary = figures.summary;
  const lines = [
    `# Site analysis: ${address(options.url)}`,
    "",
    `Depth: ${plainText(options.depth, 40)} · Status: ${plainText(status, 40)}${error ? ` · ${plainText(error, 500)}` : ""}`,
    "",
  ];
  if (summary && "summary" in summary)
    // Written by a model from the page's text: as untrusted as the page itself.
    lines.push(
      "## Summary",
      "",
      plainText(summary.summary, 4000),
      "",
      `_Written by ${plainText(summary.model, 100)}._`,
      "",
    );
  lines.push(
    "## Key figures",
    "",
    "| Figure | Value |",
    "|---|---|",
    `| Pages crawled | ${figures.pagesCrawled} (${figures.htmlPages} HTML pages analysed) |`,
    `| Links found | ${number(figures.linksFound)} |`,
    `| Links checked | ${number(figures.linksChecked)} |`,
    `| Broken links | ${figures.broken.length} |`,
    `| Redirected links | ${figures.redirected.length} |`,
    `| Refused links (unsafe addresses) | ${figures.refused.length} |`,
    `| Images without alt text | ${figures.imagesWithoutAlt} |`,
    "",
  );
  lines.push(...startPageSection(figures));
  if (figures.topTerms.length) {
    lines.push(
      "## Top terms",
      "",
      ...figures.topTerms.map(([term, count], i) => `${i + 1}. ${plainText(term, 60)} (${count})`),
      "",
    );
  }
  lines.push(
    ...problemTable("Broken links", figures.broken),
    ...problemTable("Refused links", figures.refused),
    ...problemTable("Redirected links", figures.redirected),
    ...pagesSection(figures),
  );
  const links = figures.links;
  if (links && (links.notChecked || links.skippedByRobots))
    lines.push(
      `_${links.notChecked} links beyond the budget of ${links.linkBudget} were not checked; ${links.skippedByRobots} were skipped because robots.txt disallows them._`,
      "",
    );
  if (links?.cappedPerHost)
    lines.push(
      `_${number(links.cappedPerHost)} links were not checked because their host had already been checked as often as one run may (LINK_CHECKS_PER_HOST)._`,
      "",
    );
  if (summary && "skipped" in summary)
    lines.push(`_AI summary skipped: ${plainText(summary.skipped, 300)}._`, "");
  return lines.join("\n");
}
