import { describe, expect, it } from "vitest";
import { extractPage } from "../../src/workflows/autointel/extract-page.ts";
import { MAIN_SITE, MAIN_TRUTH, renderHtml, type SitePage } from "../support/test-site-pages.ts";

const ORIGIN = "https://harbour.example";
const index = MAIN_SITE["/"] as Extract<SitePage, { kind: "html" }>;

describe("extracting a page with HTMLRewriter", () => {
  it("states the test site's index page as it is", async () => {
    const page = await extractPage(renderHtml(index, "https://deep.example"), `${ORIGIN}/`);
    expect(page.title).toBe(MAIN_TRUTH.title);
    expect(page.description).toBe(MAIN_TRUTH.description);
    expect(page.lang).toBe(MAIN_TRUTH.lang);
    expect(page.canonical).toBe(`${ORIGIN}/`);
    expect(page.openGraph).toEqual(MAIN_TRUTH.openGraph);
    expect(page.headings).toEqual(MAIN_TRUTH.headings);
    expect(page.wordCount).toBe(MAIN_TRUTH.wordCount);
    expect(page.readingMinutes).toBe(1);
    expect(page.images).toBe(MAIN_TRUTH.imagesOnIndex);
    expect(page.imagesWithoutAlt).toEqual(
      MAIN_TRUTH.imagesWithoutAltOnIndex.map((p) => `${ORIGIN}${p}`),
    );
    expect(page.terms[0]).toEqual(["lighthouse", MAIN_TRUTH.lighthouseCount]);
    expect(page.otherLinks).toBe(1); // mailto:
  });

  it("lists unique web links, resolved, without fragments or in-page jumps", async () => {
    const page = await extractPage(renderHtml(index, "https://deep.example"), `${ORIGIN}/`);
    expect(page.links).toContain(`${ORIGIN}/guide`); // written as the relative "guide"
    expect(page.links.filter((l) => l === `${ORIGIN}/about`)).toHaveLength(1); // "/about#team" too
    expect(page.links.some((l) => l.includes("#"))).toBe(false);
    expect(page.links).toContain("https://deep.example/nope");
    expect(page.links).toHaveLength(13);
  });

  it("ignores script, style and SVG text, decodes entities, honours <base>", async () => {
    const html = `<html><head><base href="https://cdn.example/docs/"><title>Caf&eacute; &#x26; bar</title>
      <style>p { lighthouse: 1 }</style></head><body>
      <svg/><svg viewBox="0 0 1 1"><title>icon title</title><text>svg words</text></svg>
      <p>one&nbsp;two &mdash; three&#33;</p><script>var hidden = "not counted";</script>
      <a href="page?a=1&amp;b=2">x</a><a href="javascript:void(0)">js</a><img src="a.png" alt=""></body></html>`;
    const page = await extractPage(html, "https://site.example/");
    expect(page.title).toBe("Café & bar");
    expect(page.wordCount).toBe(5); // one, two, three!, and the link texts x and js
    expect(page.links).toEqual(["https://cdn.example/docs/page?a=1&b=2"]);
    expect(page.otherLinks).toBe(1);
    expect(page.imagesWithoutAltCount).toBe(0); // alt="" marks a decorative image
  });

  it("copes with a page without head, title or text", async () => {
    const page = await extractPage("<p>", "https://site.example/");
    expect(page).toMatchObject({
      title: null,
      description: null,
      lang: null,
      wordCount: 0,
      readingMinutes: 0,
    });
  });

  it("keeps what it read when the parser gives up on a page, and says so", async () => {
    // 50,000 unclosed <a> tags nest 50,000 deep: beyond lol-html's memory limit.
    const anchors = Array.from({ length: 50_000 }, (_, i) => `<a href=/${i}>`).join("");
    const page = await extractPage(`<title>Unclosed</title>${anchors}`, "https://site.example/");
    expect(page.title).toBe("Unclosed");
    expect(page.links.length).toBeGreaterThan(0);
    expect(page.readProblem).toMatch(/^read only in part: .*memory limit/);
  });
});
