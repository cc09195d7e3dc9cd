import type { Message } from "../../message.ts";

/**
 * /autointel's report.md (part of the autointel section). Every variable that came from outside
 * arrives escaped by report-markdown.ts (a code span or plain text); an empty string means none.
 */
export const autointelReport = {
  "autointel.report.title": ({ url }: { url: string }) => `# Site analysis: ${url}`,
  "autointel.report.meta": (v: { depth: string; status: string; error: string }) =>
    `Depth: ${v.depth} · Status: ${v.status}${v.error ? ` · ${v.error}` : ""}`,
  "autointel.report.summary": () => "## Summary",
  "autointel.report.writtenBy": ({ model }: { model: string }) => `_Written by ${model}._`,
  "autointel.report.keyFigures": () => "## Key figures",
  "autointel.report.figureHeader": () => "| Figure | Value |",
  "autointel.report.pagesCrawled": () => "Pages crawled",
  "autointel.report.pagesCrawled.value": ({ pages, html }: { pages: number; html: number }, f) =>
    `${f.number(pages)} (${f.count(html, { one: "{n} HTML page", other: "{n} HTML pages" })} analysed)`,
  "autointel.report.linksFound": () => "Links found",
  "autointel.report.linksChecked": () => "Links checked",
  "autointel.report.brokenLinks": () => "Broken links",
  "autointel.report.redirectedLinks": () => "Redirected links",
  "autointel.report.refusedLinks": () => "Refused links",
  "autointel.report.refusedUnsafe": () => "Refused links (unsafe addresses)",
  "autointel.report.imagesWithoutAlt": () => "Images without alt text",

  "autointel.report.startPage": () => "## Start page",
  "autointel.report.address": (v: { address: string; hops: number; list: string }, f) =>
    `- Address: ${v.address}${v.hops ? ` (after ${f.count(v.hops, { one: "{n} redirect", other: "{n} redirects" })}: ${v.list})` : ""}`,
  "autointel.report.answer": (
    v: { status: number; contentType: string; bytes: number; ms: number },
    f,
  ) =>
    `- Answer: HTTP ${v.status}, ${v.contentType || "no content type"}, ${f.bytes(v.bytes)}, ${f.number(v.ms)} ms`,
  "autointel.report.pageTitle": ({ title }: { title: string }) => `- Title: ${title || "(none)"}`,
  "autointel.report.description": ({ description }: { description: string }) =>
    `- Description: ${description || "(none)"}`,
  "autointel.report.language": ({ lang }: { lang: string }) =>
    `- Language: ${lang || "(not declared)"}`,
  "autointel.report.canonical": ({ canonical }: { canonical: string }) =>
    `- Canonical: ${canonical || "(none)"}`,
  "autointel.report.words": ({ words, minutes }: { words: number; minutes: number }, f) =>
    `- Words: ${f.number(words)} (about ${f.number(minutes)} min to read)`,
  "autointel.report.links": (
    v: { web: number; other: number; notKept: number; perPage: number; maxLength: number },
    f,
  ) =>
    `- Links: ${f.number(v.web)} to web pages, ${f.number(v.other)} others (mail, phone…)${v.notKept ? `; ${f.number(v.notKept)} more not kept (over ${f.number(v.perPage)} on one page, or over ${f.number(v.maxLength)} characters long)` : ""}`,
  "autointel.report.images": ({ images, withoutAlt }: { images: number; withoutAlt: number }, f) =>
    `- Images: ${f.number(images)}, of which ${f.number(withoutAlt)} without alt text`,
  "autointel.report.readProblem": ({ problem }: { problem: string }) => `- The page was ${problem}`,
  "autointel.report.openGraph": () => "### Open Graph",
  "autointel.report.propertyHeader": () => "| Property | Value |",
  "autointel.report.outline": () => "### Outline",
  "autointel.report.imagesWithoutAltHeading": () => "### Images without alt text",
  "autointel.report.topTerms": () => "## Top terms",
  "autointel.report.problemHeader": () => "| Link | Problem | Found on |",
  "autointel.report.more": ({ count }: { count: number }, f) =>
    `…and ${f.number(count)} more in result.json.`,

  "autointel.robots.pending": () => "robots.txt not read yet",
  "autointel.robots.read": (v: { rules: number; delaySeconds: number; capSeconds: number }, f) =>
    `robots.txt read: ${f.count(v.rules, { one: "{n} rule applies", other: "{n} rules apply" })} to us${v.delaySeconds > v.capSeconds ? `, Crawl-delay ${f.duration(v.delaySeconds * 1000)} asked, cut to ${f.duration(v.capSeconds * 1000)}` : v.delaySeconds > 0 ? `, Crawl-delay ${f.duration(v.delaySeconds * 1000)}` : ""}`,
  "autointel.robots.refused": ({ problem }: { problem: string }) =>
    `robots.txt refused: it ${problem}; no page beyond the start page was crawled`,
  "autointel.robots.missing": ({ status }: { status: number }) =>
    `no robots.txt (HTTP ${status}): everything allowed`,
  "autointel.robots.unreadable": ({ failure }: { failure: string }) =>
    `robots.txt ${failure}: no page beyond the start page was crawled`,
  "autointel.page.leftSite": () => "redirected off the site",
  "autointel.page.duplicate": () => "redirects to a page already analysed",
  "autointel.report.pages": ({ pages, budget }: { pages: number; budget: number }, f) =>
    `## Pages crawled (${f.number(pages)} of a budget of ${f.number(budget)})`,
  "autointel.report.pagesHeader": () => "| # | Page | Status | Title | Words | Note |",
  "autointel.report.pause": ({ ms }: { ms: number }, f) =>
    `- Pause between requests to the site: ${f.duration(ms)}`,
  "autointel.report.robotsDisallowed": ({ list }: { list: string }) =>
    `- Not crawled because robots.txt disallows them: ${list}`,
  "autointel.report.linksDropped": ({ count }: { count: number }, f) =>
    `- ${f.count(count, { one: "{n} further link was", other: "{n} further links were" })} not tracked (limit reached)`,
  "autointel.report.linksTooLong": ({ count, max }: { count: number; max: number }, f) =>
    `- ${f.count(count, { one: "{n} link", other: "{n} links" })} longer than ${f.number(max)} characters ${f.plural(count, { one: "was", other: "were" })} not followed`,
  "autointel.report.notChecked": (v: { notChecked: number; budget: number; skipped: number }, f) =>
    `_${f.count(v.notChecked, { one: "{n} link", other: "{n} links" })} beyond the budget of ${f.number(v.budget)} ${f.plural(v.notChecked, { one: "was", other: "were" })} not checked; ${f.number(v.skipped)} ${f.plural(v.skipped, { one: "was", other: "were" })} skipped because robots.txt disallows them._`,
  "autointel.report.cappedPerHost": ({ count }: { count: number }, f) =>
    `_${f.count(count, { one: "{n} link was", other: "{n} links were" })} not checked because their host had already been checked as often as one run may (LINK_CHECKS_PER_HOST)._`,
  "autointel.report.aiSkipped.noBinding": () => "no AI binding",
  "autointel.report.aiSkipped.noText": () => "Workers AI returned no text",
  "autointel.report.aiSkipped": ({ reason }: { reason: string }) =>
    `_AI summary skipped: ${reason}._`,
} satisfies Record<string, Message<never>>;
