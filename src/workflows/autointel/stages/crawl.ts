import { textRef } from "../../../i18n/text-ref.ts";
import { reserveSiteSlot } from "../../../sites/site-slots.ts";
import { continueLater, type StageDefinition } from "../../../workflow/definition.ts";
import { type AutointelConfig, autointelConfig, ROBOTS_AGENT_TOKEN } from "../config.ts";
import { CrawlBook, isCrawlState, type NextPage } from "../crawl-book.ts";
import { DEPTH_PROFILES } from "../depth.ts";
import { describeFailure, fetchDocument, isHtmlType } from "../fetch-document.ts";
import { withHeartbeat } from "../heartbeat.ts";
import type { AutointelOptions } from "../options.ts";
import { type RobotsNote, requiredOutput } from "../outputs.ts";
import {
  InvocationPacer,
  MAX_CRAWL_DELAY_MS,
  MAX_INLINE_WAIT_MS,
  politeDelayMs,
  sleep,
} from "../pacing.ts";
import {
  ALLOW_ALL,
  DISALLOW_ALL,
  parseRobots,
  ROBOTS_MAX_BYTES,
  type RobotsRules,
} from "../robots.ts";

type RobotsReading = { robots: RobotsRules; note: RobotsNote } | "aborted";

// RFC 9309 §2.3.1: a robots.txt that is missing (4xx) allows everything; one that cannot be
// read (5xx, network, timeout) means the site is not crawled at all.
async function readRobots(
  origin: string,
  config: AutointelConfig,
  signal: AbortSignal,
): Promise<RobotsReading> {
  const result = await fetchDocument(`${origin}/robots.txt`, {
    config,
    signal,
    accept: "text/plain",
    wants: () => true,
    maxBytes: ROBOTS_MAX_BYTES,
  });
  if (result.kind === "aborted") return "aborted";
  if (result.kind === "document") {
    const parsed = parseRobots(result.text, ROBOTS_AGENT_TOKEN);
    if (!parsed.ok)
      return { robots: DISALLOW_ALL, note: { kind: "refused", problem: parsed.problem } };
    const { robots } = parsed;
    const note: RobotsNote = {
      kind: "read",
      rules: robots.rules.length,
      crawlDelaySeconds: robots.crawlDelaySeconds,
      capSeconds: MAX_CRAWL_DELAY_MS / 1000,
    };
    return { robots, note };
  }
  if (result.kind === "http_error" && result.status < 500)
    return { robots: ALLOW_ALL, note: { kind: "missing", status: result.status } };
  return { robots: DISALLOW_ALL, note: { kind: "unreadable", failure: describeFailure(result) } };
}

/** Fetches and records one page; false when the invocation was interrupted. */
async function crawlPage(
  book: CrawlBook,
  next: NextPage,
  config: AutointelConfig,
  signal: AbortSignal,
): Promise<boolean> {
  const result = await fetchDocument(next.url, {
    config,
    signal,
    accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    wants: isHtmlType,
  });
  book.state.lastRequestEndAt = Date.now();
  if (result.kind === "aborted") return false;
  await book.recordFetch(next, result);
  return true;
}

async function readSiteRobots(
  book: CrawlBook,
  config: AutointelConfig,
  signal: AbortSignal,
): Promise<boolean> {
  const reading = await readRobots(book.state.origin, config, signal);
  book.state.lastRequestEndAt = Date.now();
  if (reading === "aborted") return false;
  const delayMs = politeDelayMs(config.politenessMs, reading.robots.crawlDelaySeconds);
  book.setRobots(reading.robots, reading.note, delayMs);
  return true;
}

/**
 * Stage 4: same-site pages, breadth first, up to the depth's page budget. Runs in slices: when
 * a slice of its time budget is used, or the host wants a long pause, the crawl hands its state
 * (queue, pages, terms) back to the tracker and the queue brings it back later.
 */
export const crawlStage: StageDefinition<AutointelOptions> = {
  name: "crawl",
  label: textRef("autointel.stage.crawl"),
  // The page and its links seed the crawl; later slices carry all they need in their state.
  inputs: (saved) => (saved === undefined ? ["fetch", "extract"] : []),
  async run(ctx, saved) {
    const config = autointelConfig(ctx.env);
    const budget = DEPTH_PROFILES[ctx.options.depth].pageBudget;
    const book = isCrawlState(saved)
      ? new CrawlBook(saved)
      : CrawlBook.begin(
          requiredOutput(ctx.outputs, "fetch"),
          requiredOutput(ctx.outputs, "extract"),
          config.politenessMs,
        );
    book.state.invocations++;
    const pacer = new InvocationPacer(config.stageBudgetMs, config.fetchTimeoutMs);
    for (;;) {
      const robotsNeeded = book.state.robots === null;
      const next = robotsNeeded ? null : book.nextPage(budget);
      if (!robotsNeeded && !next) {
        ctx.log.info("autointel.crawled", {
          pages: book.state.pages.length,
          invocations: book.state.invocations,
        });
        return book.output(budget);
      }
      const politeWait = book.waitMs(Date.now());
      if (politeWait > MAX_INLINE_WAIT_MS) return continueLater(book.state, politeWait);
      // The site's budget, shared with every workflow that reads or checks this site.
      const url = next?.url ?? `${book.state.origin}/robots.txt`;
      const slot = await reserveSiteSlot(ctx.env, url, politeWait, MAX_INLINE_WAIT_MS);
      if (slot.kind === "busy") return continueLater(book.state, slot.retryAfterMs);
      const pace = pacer.pace(slot.waitMs);
      if (pace.kind === "yield") return continueLater(book.state, pace.afterMs);
      const done = book.state.pages.length;
      const label = next
        ? textRef("autointel.progress.page", { page: done + 1, budget })
        : textRef("autointel.progress.robots");
      const finished = await withHeartbeat(ctx, label, done / budget, async () => {
        await sleep(pace.waitMs, ctx.signal);
        if (ctx.signal.aborted) return false;
        return next
          ? crawlPage(book, next, config, ctx.signal)
          : readSiteRobots(book, config, ctx.signal);
      });
      if (!finished) return continueLater(book.state, 0);
    }
  },
};
