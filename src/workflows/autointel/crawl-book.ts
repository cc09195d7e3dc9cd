import type { JsonValue } from "../../workflow/definition.ts";
import {
  clip,
  MAX_LINK_LENGTH,
  MAX_LINKS_PER_PAGE,
  MAX_SKIPPED_LISTED,
  MAX_TERM_LENGTH,
  MAX_TRACKED_LINK_CHARS,
  MAX_TRACKED_LINKS,
} from "./crawl-limits.ts";
import { extractPage, type PageExtract } from "./extract-page.ts";
import { type DocumentFetch, describeFailure } from "./fetch-document.ts";
import type { CrawledPage, CrawlOutput, FetchOutput, RobotsNote } from "./outputs.ts";
import { isAllowed, type RobotsRules } from "./robots.ts";
import { topTerms } from "./text-stats.ts";

/** The crawl's state between invocations; stored by the tracker, so kept compact. */
export type CrawlState = {
  v: 1;
  origin: string;
  robots: RobotsRules | null;
  robotsNote: RobotsNote | string;
  delayMs: number;
  /** [same-site path or absolute URL, index of the page it was first found on] */
  links: [string, number][];
  /** Breadth-first queue: [index into links, depth]. */
  frontier: [number, number][];
  pages: CrawledPage[];
  skippedByRobots: string[];
  /** Links beyond MAX_TRACKED_LINKS or MAX_TRACKED_LINK_CHARS, not kept. */
  linksDropped: number;
  /** Links longer than MAX_LINK_LENGTH, not kept (absent in states saved before it existed). */
  linksTooLong?: number;
  /** Total length of the keys in `links`. */
  linkChars?: number;
  terms: [string, number][];
  lastRequestEndAt: number;
  invocations: number;
};

const TERMS_KEPT = 200;
export const TOP_TERMS_REPORTED = 30;

export function isCrawlState(value: JsonValue | undefined): value is JsonValue & CrawlState {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.v === 1;
}

export type NextPage = { linkIndex: number; url: string; depth: number };

function emptyPage(url: string, depth: number, foundOn: number): CrawledPage {
  const none = { status: null, finalUrl: null, title: null, words: null, links: null };
  return {
    url,
    depth,
    foundOn,
    outcome: "ok",
    ...none,
    imagesWithoutAlt: null,
    ms: null,
    note: null,
  };
}

/** The crawl state with its lookups: which links are known, which pages were analysed. */
export class CrawlBook {
  readonly state: CrawlState;
  private readonly linkIndex = new Map<string, number>();
  private readonly analysed = new Set<string>();

  constructor(state: CrawlState) {
    this.state = state;
    for (const [index, [key]] of state.links.entries()) this.linkIndex.set(key, index);
    for (const page of state.pages) {
      this.analysed.add(page.url);
      if (page.finalUrl) this.analysed.add(page.finalUrl);
    }
  }

  /** The first invocation: the start page was fetched and read by stages 2 and 3. */
  static begin(page: FetchOutput, extract: PageExtract, politenessMs: number): CrawlBook {
    const start = new URL(page.finalUrl);
    const book = new CrawlBook({
      v: 1,
      origin: start.origin,
      robots: null,
      robotsNote: { kind: "pending" },
      delayMs: politenessMs,
      links: [],
      frontier: [],
      pages: [],
      skippedByRobots: [],
      linksDropped: 0,
      terms: [],
      lastRequestEndAt: page.fetchedAt,
      invocations: 0,
    });
    book.addLinks([start.href], -1, 0, false);
    book.record(
      { linkIndex: 0, url: page.requestedUrl, depth: 0 },
      {
        ...emptyPage(page.requestedUrl, 0, -1),
        status: page.status,
        finalUrl: page.redirects.length > 0 ? page.finalUrl : null,
        ms: page.elapsedMs,
      },
      extract,
    );
    return book;
  }

  private keyOf(url: URL): string {
    return url.origin === this.state.origin ? `${url.pathname}${url.search}` : url.href;
  }

  absolute(key: string): string {
    return key.startsWith("/") ? `${this.state.origin}${key}` : key;
  }

  private addLinks(urls: string[], fromPage: number, depth: number, follow: boolean): void {
    const state = this.state;
    for (const href of urls) {
      if (href.length > MAX_LINK_LENGTH) {
        state.linksTooLong = (state.linksTooLong ?? 0) + 1;
        continue;
      }
      const url = new URL(href);
      const key = this.keyOf(url);
      if (this.linkIndex.has(key)) continue;
      const chars = (state.linkChars ?? 0) + key.length;
      if (state.links.length >= MAX_TRACKED_LINKS || chars > MAX_TRACKED_LINK_CHARS) {
        state.linksDropped++;
        continue;
      }
      state.linkChars = chars;
      const index = state.links.push([key, fromPage]) - 1;
      this.linkIndex.set(key, index);
      if (follow && url.origin === state.origin) state.frontier.push([index, depth]);
    }
  }

  /** The next page to fetch, dropping queue entries robots.txt forbids or already analysed. */
  nextPage(pageBudget: number): NextPage | null {
    const robots = this.state.robots;
    while (robots && this.state.pages.length < pageBudget) {
      const head = this.state.frontier[0];
      if (!head) return null;
      const [linkIndex, depth] = head;
      const key = this.state.links[linkIndex]?.[0] ?? "/";
      const url = this.absolute(key);
      if (!isAllowed(robots, key)) {
        if (this.state.skippedByRobots.length < MAX_SKIPPED_LISTED)
          this.state.skippedByRobots.push(url);
        this.state.frontier.shift();
      } else if (this.analysed.has(url)) {
        this.state.frontier.shift();
      } else {
        return { linkIndex, url, depth };
      }
    }
    return null;
  }

  /** Records a fetched page (reading it when it is a new same-site HTML page). */
  async recordFetch(next: NextPage, result: DocumentFetch): Promise<void> {
    this.state.frontier.shift();
    const page = emptyPage(next.url, next.depth, this.state.links[next.linkIndex]?.[1] ?? -1);
    if (result.kind === "aborted") throw new Error("recordFetch called for an aborted fetch");
    if (result.kind === "refused" || result.kind === "timeout" || result.kind === "failed") {
      const outcome = result.kind === "refused" ? "refused" : result.kind;
      this.record(next, { ...page, outcome, note: describeFailure(result) });
      return;
    }
    const fetched = {
      ...page,
      status: result.status,
      finalUrl: result.redirects.length > 0 ? result.finalUrl : null,
      ms: result.elapsedMs,
    };
    if (result.kind !== "document") {
      const outcome = result.kind === "unwanted_type" ? "not_html" : result.kind;
      this.record(next, { ...fetched, outcome, note: describeFailure(result) });
    } else if (new URL(result.finalUrl).origin !== this.state.origin) {
      this.record(next, { ...fetched, outcome: "left_site", note: `redirected off the site` });
    } else if (this.analysed.has(result.finalUrl)) {
      this.record(next, {
        ...fetched,
        outcome: "duplicate",
        note: "redirects to a page already analysed",
      });
    } else {
      this.record(next, fetched, await extractPage(result.text, result.finalUrl));
    }
  }

  private record(next: NextPage, page: CrawledPage, extract?: PageExtract): void {
    // A redirect target or a failure note can carry a hostile site's longest header.
    if (page.finalUrl) page.finalUrl = clip(page.finalUrl, MAX_LINK_LENGTH);
    if (page.note) page.note = clip(page.note);
    const index = this.state.pages.push(page) - 1;
    this.analysed.add(page.url);
    if (page.finalUrl) this.analysed.add(page.finalUrl);
    if (!extract) return;
    page.title = extract.title === null ? null : clip(extract.title);
    page.words = extract.wordCount;
    page.links = extract.links.length;
    page.imagesWithoutAlt = extract.imagesWithoutAltCount;
    if (extract.readProblem) page.note ??= extract.readProblem;
    if (extract.linksNotKept)
      page.note ??= `${extract.linksNotKept} more links not kept (over ${MAX_LINKS_PER_PAGE} on one page, or over ${MAX_LINK_LENGTH} characters long)`;
    const follow = !/\bnofollow\b/i.test(extract.robotsMeta ?? "");
    this.addLinks(extract.links, index, next.depth + 1, follow);
    const terms = new Map(this.state.terms);
    for (const [term, count] of extract.terms)
      if (term.length <= MAX_TERM_LENGTH) terms.set(term, (terms.get(term) ?? 0) + count);
    this.state.terms = topTerms(terms, TERMS_KEPT);
  }

  setRobots(robots: RobotsRules, note: RobotsNote, delayMs: number): void {
    this.state.robots = robots;
    this.state.robotsNote = note;
    this.state.delayMs = delayMs;
  }

  waitMs(now: number): number {
    return this.state.lastRequestEndAt + this.state.delayMs - now;
  }

  output(pageBudget: number): CrawlOutput {
    const { state } = this;
    return {
      origin: state.origin,
      pageBudget,
      robotsNote: state.robotsNote,
      robots: state.robots ?? { rules: [], crawlDelaySeconds: null },
      delayMs: state.delayMs,
      pages: state.pages,
      links: state.links,
      linksDropped: state.linksDropped,
      linksTooLong: state.linksTooLong ?? 0,
      skippedByRobots: state.skippedByRobots,
      terms: state.terms.slice(0, TOP_TERMS_REPORTED),
      lastRequestEndAt: state.lastRequestEndAt,
      invocations: state.invocations,
    };
  }
}
