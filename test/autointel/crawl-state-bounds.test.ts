import { describe, expect, it } from "vitest";
import { CrawlBook } from "../../src/workflows/autointel/crawl-book.ts";
import {
  MAX_LINK_LENGTH,
  MAX_LINKS_PER_PAGE,
  MAX_TERM_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_TRACKED_LINK_CHARS,
} from "../../src/workflows/autointel/crawl-limits.ts";
import { extractPage } from "../../src/workflows/autointel/extract-page.ts";
import type { FetchOutput, RobotsNote } from "../../src/workflows/autointel/outputs.ts";
import {
  parseRobots,
  ROBOTS_MAX_RULE_LENGTH,
  ROBOTS_MAX_RULES,
} from "../../src/workflows/autointel/robots.ts";

const ORIGIN = "https://hostile.example";
const long = (prefix: string, length: number) => prefix + "x".repeat(length - prefix.length);

function startPage(): FetchOutput {
  return {
    requestedUrl: `${ORIGIN}/`,
    finalUrl: `${ORIGIN}/`,
    status: 200,
    contentType: "text/html",
    bytes: 1,
    elapsedMs: 1,
    fetchedAt: Date.now(),
    redirects: [],
    html: "",
  };
}

// A page as hostile as the caps allow and beyond: 3,000 links (some far too long), a 100 KB
// title, a 10,000-letter "word" and a description of 50,000 characters.
function hostileHtml(page: number): string {
  const links = Array.from({ length: 3000 }, (_, i) =>
    i % 3 === 0
      ? `<a href="/${long(`p${page}-${i}-`, 5000)}">x</a>`
      : `<a href="/${long(`p${page}-${i}-`, MAX_LINK_LENGTH - ORIGIN.length - 10)}">x</a>`,
  );
  return `<title>${"T".repeat(100_000)}</title><meta name="description" content="${"d ".repeat(25_000)}">
    <p>${"q".repeat(10_000)} lighthouse lighthouse</p>${links.join("")}`;
}

describe("crawl state stays bounded whatever the pages say", () => {
  it("a page's extract keeps at most the per-page links, short text and real terms", async () => {
    const extract = await extractPage(hostileHtml(0), `${ORIGIN}/`);
    expect(extract.links.length).toBe(MAX_LINKS_PER_PAGE);
    expect(extract.links.every((link) => link.length <= MAX_LINK_LENGTH)).toBe(true);
    expect(extract.linksNotKept).toBe(3000 - MAX_LINKS_PER_PAGE);
    expect(extract.title?.length).toBe(MAX_TEXT_LENGTH);
    expect(extract.title?.endsWith("…")).toBe(true);
    expect(extract.description?.length).toBe(MAX_TEXT_LENGTH);
    expect(extract.terms.every(([term]) => term.length <= MAX_TERM_LENGTH)).toBe(true);
    expect(extract.terms[0]).toEqual(["lighthouse", 2]);
  });

  it("the paused state of a 100-page crawl of such pages stays under 1.5 MB", async () => {
    const first = await extractPage(hostileHtml(0), `${ORIGIN}/`);
    const book = CrawlBook.begin(startPage(), first, 0);
    const robots = parseRobots(
      `User-agent: *\n${Array.from({ length: ROBOTS_MAX_RULES }, (_, i) => `Disallow: /${long(`${i}`, ROBOTS_MAX_RULE_LENGTH - 1)}`).join("\n")}`,
      "x",
    );
    if (!robots.ok) throw new Error(robots.problem);
    const note = { kind: "read", rules: ROBOTS_MAX_RULES, crawlDelaySeconds: null, capSeconds: 60 };
    book.setRobots(robots.robots, note as RobotsNote, 0);
    for (let page = 1; page < 100; page++) {
      const next = book.nextPage(100);
      if (!next) throw new Error(`the frontier ran dry at page ${page}`);
      const huge = `${ORIGIN}/${"r".repeat(1_000_000)}`;
      // Failures carry the longest notes and redirect targets a site can produce.
      await book.recordFetch(
        next,
        page % 2 === 0
          ? { kind: "failed", url: huge, message: "m".repeat(1_000_000), redirects: [] }
          : {
              kind: "http_error",
              finalUrl: huge,
              status: 500,
              elapsedMs: 1,
              redirects: [{ url: next.url, status: 302, location: huge }],
            },
      );
    }
    const state = book.state;
    expect(state.pages).toHaveLength(100);
    expect(state.linkChars).toBeLessThanOrEqual(MAX_TRACKED_LINK_CHARS);
    expect((state.linksTooLong ?? 0) + state.linksDropped).toBeGreaterThan(0);
    for (const page of state.pages) {
      expect(page.note?.length ?? 0).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
      expect(page.finalUrl?.length ?? 0).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    }
    expect(JSON.stringify(state).length).toBeLessThan(1.5 * 1024 * 1024);
    const output = book.output(100);
    expect(JSON.stringify(output).length).toBeLessThan(1.5 * 1024 * 1024);
  });
});
