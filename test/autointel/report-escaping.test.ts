import { describe, expect, it } from "vitest";
import { rawText } from "../../src/discord/render/localized-text.ts";
import { formattersFor } from "../../src/i18n/translator.ts";
import type { ReportFigures } from "../../src/workflows/autointel/report-figures.ts";
import { reportMarkdown } from "../../src/workflows/autointel/report-markdown.ts";
import type { RobotsRules } from "../../src/workflows/autointel/robots.ts";
import { markdownHazards, renderedSurface } from "../helpers/markdown-hazards.ts";
import { HOSTILE_MARKERS, HOSTILE_SITE, HOSTILE_TITLE } from "../support/hostile-pages.ts";

// Every string the hostile corpus puts on a page, plus what a hostile server can say in its
// headers (Content-Type, Location): markdown, mentions, fences, HTML, table breaks, new lines.
const corpusTexts = Object.values(HOSTILE_SITE).flatMap((page) =>
  page.kind === "html"
    ? [
        page.title.slice(0, 300),
        page.head ?? "",
        ...page.body.map((part) => Object.values(part).join(" ")),
      ]
    : [],
);
const HTML = '<img src=x onerror="alert(1)"><script>alert(2)</script></td></tr>';
const hostile = (n: number) =>
  `${corpusTexts[n % corpusTexts.length]} ${HOSTILE_TITLE} ${HTML} a | b \n# heading\n`;
const hostileUrl = (n: number) => `https://evil.example/${n}?q=[x](https://evil.example)|\`${HTML}`;

let n = 0;
const text = () => hostile(n++);
const url = () => hostileUrl(n++);

function hostileFigures(): ReportFigures {
  const problem = () => ({ url: url(), problem: text(), foundOn: url(), answered: true });
  return {
    page: {
      requestedUrl: url(),
      finalUrl: url(),
      status: 200,
      contentType: `text/html; charset=${text()}`,
      bytes: 10,
      elapsedMs: 1,
      fetchedAt: 0,
      redirects: [{ url: url(), status: 301, location: `${text()}${url()}` }],
      html: "",
    },
    extract: {
      title: text(),
      description: text(),
      canonical: url(),
      lang: text(),
      robotsMeta: text(),
      openGraph: { [text()]: text() },
      headings: [
        { level: 1, text: text() },
        { level: 3, text: text() },
      ],
      wordCount: 1,
      readingMinutes: 1,
      links: [url()],
      otherLinks: 0,
      linksNotKept: 0,
      readProblem: text(),
      images: 1,
      imagesWithoutAlt: [url()],
      imagesWithoutAltCount: 1,
      terms: [[text(), 3]],
    },
    crawl: {
      origin: url(),
      pageBudget: 5,
      robotsNote: text(),
      robots: { groups: [] } as unknown as RobotsRules,
      delayMs: 0,
      pages: [
        {
          url: url(),
          depth: 0,
          foundOn: -1,
          outcome: "ok",
          status: 200,
          finalUrl: url(),
          title: text(),
          words: 1,
          links: 1,
          imagesWithoutAlt: 0,
          ms: 1,
          note: text(),
        },
        {
          url: url(),
          depth: 1,
          foundOn: 0,
          outcome: "http_error",
          status: 404,
          finalUrl: null,
          title: null,
          words: null,
          links: null,
          imagesWithoutAlt: null,
          ms: 1,
          note: text(),
        },
      ],
      links: [],
      linksDropped: 0,
      linksTooLong: 0,
      skippedByRobots: [url()],
      terms: [],
      lastRequestEndAt: 0,
      invocations: 1,
    },
    links: null,
    summary: { model: text(), summary: text() },
    pagesCrawled: 2,
    htmlPages: 1,
    linksFound: 1,
    linksChecked: 1,
    broken: [problem()],
    refused: [problem()],
    redirected: [{ ...problem(), problem: `→ ${url()}` }],
    unverified: 0,
    imagesWithoutAlt: 1,
    topTerms: [[text(), 2]],
  };
}

/** Unescaped `|` outside code spans: how many table columns a Markdown viewer sees. */
const pipes = (line: string) => (renderedSurface(line).match(/\|/g) ?? []).length;

describe("report.md with the hostile corpus in every outside string", () => {
  const report = reportMarkdown(
    { t: rawText("en-US"), f: formattersFor("en-US") },
    { url: url(), depth: "deep" },
    hostileFigures(),
    "completed",
    text(),
  );
  const lines = report.split("\n");

  it("renders no link, mention, fence or markup that the page or the server wrote", () => {
    expect(markdownHazards(report.replace(/^#{1,3} .*$/gm, ""))).toEqual([]);
    const surface = renderedSurface(report);
    for (const marker of HOSTILE_MARKERS) expect(surface).not.toContain(marker);
    expect(surface).not.toContain("||spoiler||");
  });

  it("carries no HTML tag a Markdown viewer would render", () => {
    expect(renderedSurface(report)).not.toMatch(/<\/?[a-z!]/i);
  });

  it("has only its own headings, and every table row keeps its columns", () => {
    const headings = lines.filter((line) => /^\s*#/.test(line));
    for (const heading of headings)
      expect(heading).toMatch(
        /^(# Site analysis: `[^`]*`|## (Summary|Key figures|Start page|Top terms|Broken links \(\d+\)|Refused links \(\d+\)|Redirected links \(\d+\)|Pages crawled .*)|### (Open Graph|Outline|Images without alt text))$/,
      );
    expect(headings.length).toBeGreaterThanOrEqual(8);
    let columns = 0;
    for (const line of lines) {
      if (!line.startsWith("|")) {
        columns = 0;
        continue;
      }
      if (columns === 0) columns = pipes(line);
      else expect(pipes(line), line).toBe(columns);
    }
  });

  it("still shows what the server said, readably (escaped, not dropped)", () => {
    expect(report).toContain("HTTP 200, text/html; charset\\=");
    expect(report).toContain('\\<img src\\=x onerror\\="alert\\(1\\)"\\>');
  });
});
