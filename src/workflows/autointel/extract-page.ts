import {
  clip,
  MAX_LINK_LENGTH,
  MAX_LINKS_PER_PAGE,
  MAX_TERM_LENGTH,
  MAX_TEXT_LENGTH,
} from "./crawl-limits.ts";
import { decodeEntities } from "./html-entities.ts";
import { addTerms, countWords, readingMinutes, topTerms } from "./text-stats.ts";

export type Heading = { level: number; text: string };

/** What one HTML page says about itself; small enough to keep for every crawled page. */
export type PageExtract = {
  title: string | null;
  description: string | null;
  canonical: string | null;
  lang: string | null;
  /** The content of <meta name="robots">, e.g. "noindex, nofollow". */
  robotsMeta: string | null;
  openGraph: { [property: string]: string };
  headings: Heading[];
  wordCount: number;
  readingMinutes: number;
  /** Unique http(s) link targets, absolute, without fragment, in document order. */
  links: string[];
  /** Links to mailto:, tel:, javascript: and other non-web schemes. */
  otherLinks: number;
  /** Web links not kept: beyond MAX_LINKS_PER_PAGE, or longer than MAX_LINK_LENGTH. */
  linksNotKept: number;
  /** Why the page was read only in part (the parser gave up), or null. */
  readProblem: string | null;
  images: number;
  imagesWithoutAlt: string[];
  imagesWithoutAltCount: number;
  /** The page's most frequent terms with their counts. */
  terms: [string, number][];
};

const MAX_HEADINGS = 60;
const MAX_IMAGES_LISTED = 50;
const MAX_OPEN_GRAPH = 30;
const TERMS_PER_PAGE = 50;

// Elements whose text is not prose a reader sees (<title>, <svg> and <math> have their own
// handlers: HTMLRewriter keeps only one end-tag handler per element).
const HIDDEN_TEXT = "script, style, noscript, template, iframe, object";

/**
 * Registers an end-tag handler; false for an element written self-closing (`<svg/>`), which has
 * no end tag and no content (HTMLRewriter exposes no flag for that, it throws instead).
 */
function onEndTagIfAny(element: Element, handler: () => void): boolean {
  try {
    element.onEndTag(handler);
    return true;
  } catch (error) {
    if (error instanceof TypeError && /no end tag/i.test(error.message)) return false;
    throw error;
  }
}

function clean(raw: string | null): string | null {
  if (raw === null) return null;
  const text = decodeEntities(raw).replace(/\s+/g, " ").trim();
  return text === "" ? null : clip(text, MAX_TEXT_LENGTH);
}

class PageCollector {
  private base: URL;
  private readonly page: URL;
  private hiddenDepth = 0;
  private foreignDepth = 0;
  private titleParts: string[] | null = null;
  private readonly text: string[] = [];
  private readonly links = new Set<string>();
  readonly result: PageExtract = {
    title: null,
    description: null,
    canonical: null,
    lang: null,
    robotsMeta: null,
    openGraph: {},
    headings: [],
    wordCount: 0,
    readingMinutes: 0,
    links: [],
    otherLinks: 0,
    linksNotKept: 0,
    readProblem: null,
    images: 0,
    imagesWithoutAlt: [],
    imagesWithoutAltCount: 0,
    terms: [],
  };

  constructor(pageUrl: string) {
    this.page = new URL(pageUrl);
    this.base = this.page;
  }

  private resolve(raw: string | null): URL | null {
    // Not clean(): an address cut short is another address.
    const href = raw === null ? "" : decodeEntities(raw).trim();
    if (href === "") return null;
    try {
      return new URL(href, this.base);
    } catch {
      return null; // an unreadable href is simply not a link
    }
  }

  /** An address to show, not to follow: cut to MAX_LINK_LENGTH. */
  private shortHref(raw: string | null): string | null {
    const href = this.resolve(raw)?.href;
    return href === undefined ? null : clip(href, MAX_LINK_LENGTH);
  }

  html(element: Element): void {
    this.result.lang ??= clean(element.getAttribute("lang"));
  }

  baseHref(element: Element): void {
    const base = this.resolve(element.getAttribute("href"));
    if (base) this.base = base;
  }

  titleStart(element: Element): void {
    // Only the document's own title: not an <svg><title>, not a second one.
    const capture = this.foreignDepth === 0 && this.result.title === null && !this.titleParts;
    const parts: string[] = [];
    // One end-tag handler per element: a second onEndTag would replace the first.
    const hasContent = onEndTagIfAny(element, () => {
      this.hiddenDepth--;
      if (!capture) return;
      this.result.title = clean(parts.join(""));
      this.titleParts = null;
    });
    if (!hasContent) return;
    this.hiddenDepth++; // the title is not part of the page's prose
    if (capture) this.titleParts = parts;
  }

  titleText(text: Text): void {
    this.titleParts?.push(text.text);
  }

  /** SVG and MathML: their text is not prose, and their <title> is not the page's. */
  foreignStart(element: Element): void {
    const hasContent = onEndTagIfAny(element, () => {
      this.foreignDepth--;
      this.hiddenDepth--;
    });
    if (!hasContent) return;
    this.foreignDepth++;
    this.hiddenDepth++;
  }

  hiddenStart(element: Element): void {
    if (onEndTagIfAny(element, () => this.hiddenDepth--)) this.hiddenDepth++;
  }

  meta(element: Element): void {
    const name = (element.getAttribute("name") ?? element.getAttribute("property") ?? "")
      .trim()
      .toLowerCase();
    const content = clean(element.getAttribute("content"));
    if (!name || content === null) return;
    if (name === "description") this.result.description ??= content;
    else if (name === "robots") this.result.robotsMeta ??= content;
    else if (name.startsWith("og:")) {
      const og = this.result.openGraph;
      if (!(name in og) && Object.keys(og).length < MAX_OPEN_GRAPH) og[name] = content;
    }
  }

  linkTag(element: Element): void {
    const rel = (element.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    if (rel.includes("canonical"))
      this.result.canonical ??= this.shortHref(element.getAttribute("href"));
  }

  headingStart(element: Element): void {
    if (this.result.headings.length >= MAX_HEADINGS) return;
    this.result.headings.push({ level: Number(element.tagName.slice(1)), text: "" });
  }

  headingText(text: Text): void {
    const heading = this.result.headings.at(-1);
    if (heading) heading.text += text.text;
  }

  anchor(element: Element): void {
    const raw = element.getAttribute("href")?.trim() ?? "";
    if (raw.startsWith("#")) return; // a jump within this page
    const url = this.resolve(raw);
    if (!url) return;
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      this.result.otherLinks++;
      return;
    }
    url.hash = "";
    const href = url.href;
    if (this.links.has(href)) return;
    if (this.links.size < MAX_LINKS_PER_PAGE && href.length <= MAX_LINK_LENGTH)
      this.links.add(href);
    else this.result.linksNotKept++;
  }

  image(element: Element): void {
    this.result.images++;
    if (element.hasAttribute("alt")) return; // alt="" is a deliberate "decorative" marker
    this.result.imagesWithoutAltCount++;
    const src = this.shortHref(element.getAttribute("src")) ?? "(no src)";
    if (this.result.imagesWithoutAlt.length < MAX_IMAGES_LISTED)
      this.result.imagesWithoutAlt.push(src);
  }

  documentText(text: Text): void {
    if (this.hiddenDepth > 0) return;
    this.text.push(text.text);
    // Text nodes end at tags; a tag between two words separates them.
    if (text.lastInTextNode) this.text.push(" ");
  }

  finish(): PageExtract {
    const prose = decodeEntities(this.text.join(""));
    const terms = new Map<string, number>();
    const result = this.result;
    addTerms(prose, terms, result.lang);
    for (const term of terms.keys()) if (term.length > MAX_TERM_LENGTH) terms.delete(term);
    result.wordCount = countWords(prose, result.lang);
    result.readingMinutes = readingMinutes(result.wordCount);
    result.terms = topTerms(terms, TERMS_PER_PAGE);
    result.links = [...this.links];
    result.headings = result.headings
      .map((heading) => ({ level: heading.level, text: clean(heading.text) ?? "" }))
      .filter((heading) => heading.text !== "");
    return result;
  }
}

/** Reads an HTML document with HTMLRewriter (streaming, no DOM) and returns what it says. */
export async function extractPage(html: string, pageUrl: string): Promise<PageExtract> {
  const page = new PageCollector(pageUrl);
  try {
    await rewriter(page)
      .transform(new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } }))
      .arrayBuffer();
  } catch (error) {
    // lol-html stops on documents that need too much memory (50,000 unclosed <a> tags, say);
    // what it read until then still counts, and the report says the page was cut.
    const message = error instanceof Error ? error.message : String(error);
    page.result.readProblem = `read only in part: ${clip(message)}`;
  }
  return page.finish();
}

function rewriter(page: PageCollector): HTMLRewriter {
  return new HTMLRewriter()
    .on("html", { element: (e) => page.html(e) })
    .on("base[href]", { element: (e) => page.baseHref(e) })
    .on("title", { element: (e) => page.titleStart(e), text: (t) => page.titleText(t) })
    .on(HIDDEN_TEXT, { element: (e) => page.hiddenStart(e) })
    .on("svg, math", { element: (e) => page.foreignStart(e) })
    .on("meta", { element: (e) => page.meta(e) })
    .on("link[rel][href]", { element: (e) => page.linkTag(e) })
    .on("h1, h2, h3, h4, h5, h6", {
      element: (e) => page.headingStart(e),
      text: (t) => page.headingText(t),
    })
    .on("a[href]", { element: (e) => page.anchor(e) })
    .on("img", { element: (e) => page.image(e) })
    .onDocument({ text: (t) => page.documentText(t) });
}
