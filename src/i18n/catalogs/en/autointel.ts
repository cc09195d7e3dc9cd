import { DEPTHS } from "../../../workflows/autointel/accepted.ts";
import type { Message } from "../../message.ts";
import { autointelReport } from "./autointel-report.ts";

// Option names as the user sees them in this language (the command's and its errors').
const URL = "url";
const DEPTH = "depth";

/**
 * /autointel: its command, stages and progress, option errors, and its result (summary, embed
 * fields, findings, report.md). Report variables arrive escaped by the report (addresses as code
 * spans, page text as plain text): the messages add only their own words and Markdown.
 */
export const autointel = {
  ...autointelReport,
  "autointel.title": () => "Site analysis",
  "autointel.command.description": () =>
    "Analyse a web page and crawl its site; a deep run outlasts Discord's 15 minutes",
  "autointel.option.url": () => URL,
  "autointel.option.url.description": () => "The page to analyse (http:// or https://)",
  "autointel.option.depth": () => DEPTH,
  "autointel.option.depth.description": () => "How much of the site to crawl (default: standard)",
  "autointel.choice.quick": () => "quick: this page and its links",
  "autointel.choice.standard": () => "standard: up to 10 pages",
  "autointel.choice.deep": () => "deep: up to 100 pages (takes a while)",

  "autointel.stage.resolve": () => "Checking the address",
  "autointel.stage.fetch": () => "Fetching the page",
  "autointel.stage.extract": () => "Reading the page",
  "autointel.stage.crawl": () => "Crawling the site",
  "autointel.stage.links": () => "Checking links",
  "autointel.stage.summary": () => "Summarising",
  "autointel.progress.fetching": ({ url }: { url: string }) => `Fetching ${url}`,
  "autointel.progress.robots": () => "Reading robots.txt",
  "autointel.progress.page": ({ page, budget }: { page: number; budget: number }, f) =>
    `Crawling page ${f.number(page)} of up to ${f.number(budget)}`,
  "autointel.progress.link": ({ link, total }: { link: number; total: number }, f) =>
    `Checking link ${f.number(link)} of ${f.number(total)}`,
  "autointel.progress.summary": () => "Asking Workers AI for a summary",
  "autointel.lighterRun.quick": () => "Run again at depth quick",
  "autointel.lighterRun.standard": () => "Run again at depth standard",

  "autointel.error.urlRequired": () => `\`${URL}\` is required, e.g. \`https://example.com/\`.`,
  "autointel.error.urlTooLong": ({ length, limit }: { length: number; limit: number }, f) =>
    `\`${URL}\` is ${f.number(length)} characters long; the limit is ${f.number(limit)}.`,
  "autointel.error.urlInvalid": () =>
    `\`${URL}\` is not a valid web address; include the scheme, e.g. \`https://example.com/\`.`,
  "autointel.error.urlScheme": ({ scheme }: { scheme: string }) =>
    `\`${URL}\` must start with http:// or https:// (got ${scheme}).`,
  "autointel.error.urlUnsafe": ({ url, reason }: { url: string; reason: string }) =>
    `I won't analyse ${url}: ${reason}.`,
  "autointel.error.depth": (_: Record<never, never>, f) =>
    `\`${DEPTH}\` must be one of ${f.list(DEPTHS.map((depth) => `\`${depth}\``))}.`,

  "autointel.summary.done": (
    v: { name: string; pages: number; links: number; broken: number },
    f,
  ) =>
    `${v.name}: ${f.count(v.pages, { one: "{n} page", other: "{n} pages" })} crawled, ${f.count(v.links, { one: "{n} link", other: "{n} links" })} checked, ${f.number(v.broken)} broken.`,
  "autointel.summary.ended": (v: { name: string; status: string; error: string }) =>
    `Analysis of ${v.name} ${v.status}${v.error ? `: ${v.error}` : ""}`,
  "autointel.summary.title": ({ title }: { title: string }) => `"${title}"`,

  "autointel.status.completed": () => "completed",
  "autointel.status.failed": () => "failed",
  "autointel.status.cancelled": () => "cancelled",
  "autointel.status.timedOut": () => "timed out",
  "autointel.field.startPage": () => "Start page",
  "autointel.field.startPage.value": (v: { status: number; bytes: number; ms: number }, f) =>
    `HTTP ${v.status} · ${f.bytes(v.bytes)} · ${f.number(v.ms)} ms`,
  "autointel.field.words": () => "Words",
  "autointel.field.words.value": ({ words, minutes }: { words: number; minutes: number }, f) =>
    `${f.number(words)} (~${f.number(minutes)} min read)`,
  "autointel.field.language": () => "Language",
  "autointel.field.language.none": () => "not declared",
  "autointel.field.pagesCrawled": () => "Pages crawled",
  "autointel.field.pagesCrawled.value": ({ pages, budget }: { pages: number; budget: number }, f) =>
    `${f.number(pages)} of up to ${f.number(budget)}`,
  "autointel.field.linksChecked": () => "Links checked",
  "autointel.field.brokenLinks": () => "Broken links",
  "autointel.field.redirects": () => "Redirects",
  "autointel.field.imagesWithoutAlt": () => "Images without alt",
  "autointel.field.topTerms": () => "Top terms",
  "autointel.problem.http": ({ status }: { status: number }) => `answered HTTP ${status}`,
  "autointel.problem.unresolved": () => "could not resolve the host name",
  "autointel.problem.unconnected": () => "could not connect (connection refused or dropped)",
  "autointel.problem.tls": () => "TLS handshake failed",
  "autointel.problem.timeout": () => "did not answer in time",
  "autointel.problem.unreachable": () => "could not be reached",
  "autointel.finding.broken": () => "Broken links",
  "autointel.finding.unreached": () => "Could not be reached",
  "autointel.finding.refused": () => "Refused addresses (unsafe)",
  // Why the start page could not be analysed (a failed workflow's reason).
  "autointel.pageProblem.answered": ({ status }: { status: number }) =>
    `The page answered ${status}.`,
  "autointel.pageProblem.notHtml": ({ type }: { type: string }) =>
    `The page is not an HTML page (${type}).`,
  "autointel.pageProblem.httpError": ({ status }: { status: number }) =>
    `The page answered HTTP ${status}.`,
  "autointel.pageProblem.tooLarge": ({ limit }: { limit: number }, f) =>
    `The page is larger than ${f.bytes(limit)}.`,
  "autointel.pageProblem.refused": ({ reason }: { reason: string }) =>
    `I won't fetch the page: ${reason}.`,
  "autointel.pageProblem.redirectRefused": ({ url, reason }: { url: string; reason: string }) =>
    `The page redirected to ${url}, which I won't fetch: ${reason}.`,
  "autointel.pageProblem.timeout": ({ ms }: { ms: number }, f) =>
    `The page did not answer within ${f.duration(ms)}.`,
  "autointel.pageProblem.failed": ({ detail }: { detail: string }) =>
    `The page could not be fetched (${detail}).`,
  "autointel.pageProblem.interrupted": () => "Fetching the page was interrupted.",
  "autointel.pageProblem.noType": () => "no content type",
  "autointel.problem.redirectRefused": ({ url, reason }: { url: string; reason: string }) =>
    `redirects to ${url}, which was refused: ${reason}`,
} satisfies Record<string, Message<never>>;
