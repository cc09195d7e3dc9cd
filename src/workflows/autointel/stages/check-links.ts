import { textRef } from "../../../i18n/text-ref.ts";
import { siteKeyOf } from "../../../sites/site-key.ts";
import { reserveSiteSlot } from "../../../sites/site-slots.ts";
import {
  continueLater,
  type JsonValue,
  type StageDefinition,
} from "../../../workflow/definition.ts";
import { autointelConfig } from "../config.ts";
import { clip, MAX_LINK_LENGTH } from "../crawl-limits.ts";
import { DEPTH_PROFILES } from "../depth.ts";
import { withHeartbeat } from "../heartbeat.ts";
import { checkLink } from "../link-check.ts";
import type { AutointelOptions } from "../options.ts";
import { type CrawlOutput, type LinkResult, type LinksOutput, requiredOutput } from "../outputs.ts";
import { InvocationPacer, MAX_INLINE_WAIT_MS, sleep } from "../pacing.ts";
import { isAllowed } from "../robots.ts";

type LinkCheckState = {
  v: 1;
  /** Results so far, each with its index into the targets (hosts are visited out of order). */
  results: (LinkResult & { i: number })[];
  /** Per origin: when the last request to it ended (politeness). */
  lastRequestAt: { [origin: string]: number };
  /** Per site (site-key.ts): when its budget said it has a slot free again. */
  siteFreeAt?: { [site: string]: number };
  invocations: number;
};

type Target = { url: string; from: number; origin: string; site: string };

function isLinkCheckState(value: JsonValue | undefined): value is JsonValue & LinkCheckState {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.v === 1;
}

/**
 * Links whose status the crawl does not already know, in the order they were found; off-site
 * ones at most `perHost` per host, so one page cannot aim a run's whole link budget at one host.
 */
export function linkTargets(crawl: CrawlOutput, linkBudget: number, perHost: number) {
  const known = new Set(crawl.pages.flatMap((page) => [page.url, page.finalUrl ?? page.url]));
  const candidates: Target[] = [];
  const perOrigin = new Map<string, number>();
  let skippedByRobots = 0;
  let cappedPerHost = 0;
  for (const [key, from] of crawl.links) {
    const sameSite = key.startsWith("/");
    const url = sameSite ? `${crawl.origin}${key}` : key;
    if (known.has(url)) continue;
    if (sameSite && !isAllowed(crawl.robots, key)) {
      skippedByRobots++;
      continue;
    }
    const parsed = new URL(url);
    const seen = perOrigin.get(parsed.origin) ?? 0;
    if (!sameSite && seen >= perHost) {
      cappedPerHost++;
      continue;
    }
    perOrigin.set(parsed.origin, seen + 1);
    candidates.push({ url, from, origin: parsed.origin, site: siteKeyOf(parsed) });
  }
  const targets = candidates.slice(0, linkBudget);
  return {
    targets,
    skippedByRobots,
    cappedPerHost,
    notChecked: candidates.length - targets.length,
  };
}

/**
 * Stage 5: HEAD (or GET) every link the crawl did not fetch itself, one request at a time,
 * taking whichever host is ready so a slow host does not hold up the others.
 */
export const checkLinksStage: StageDefinition<AutointelOptions> = {
  name: "links",
  label: textRef("autointel.stage.links"),
  // Everything it needs is in the crawl's output; without this, each of its many resumes would
  // reload every earlier output, the start page's HTML included.
  inputs: () => ["crawl"],
  async run(ctx, saved) {
    const config = autointelConfig(ctx.env);
    const crawl = requiredOutput(ctx.outputs, "crawl");
    const linkBudget = DEPTH_PROFILES[ctx.options.depth].linkBudget;
    const { targets, skippedByRobots, cappedPerHost, notChecked } = linkTargets(
      crawl,
      linkBudget,
      config.linkChecksPerHost,
    );
    const state: LinkCheckState = isLinkCheckState(saved)
      ? saved
      : {
          v: 1,
          results: [],
          lastRequestAt: { [crawl.origin]: crawl.lastRequestEndAt },
          invocations: 0,
        };
    state.invocations++;
    state.siteFreeAt ??= {};
    const siteFreeAt = state.siteFreeAt;
    const delayFor = (origin: string) =>
      origin === crawl.origin ? crawl.delayMs : config.politenessMs;
    const waitFor = (target: Target, now: number) =>
      Math.max(
        (state.lastRequestAt[target.origin] ?? 0) + delayFor(target.origin),
        siteFreeAt[target.site] ?? 0,
      ) - now;
    const done = new Set(state.results.map((result) => result.i));
    const pacer = new InvocationPacer(config.stageBudgetMs, config.fetchTimeoutMs);
    for (;;) {
      const now = Date.now();
      let next: { index: number; wait: number } | null = null;
      for (const [index, target] of targets.entries()) {
        if (done.has(index)) continue;
        const wait = waitFor(target, now);
        if (!next || wait < next.wait) next = { index, wait };
        if (wait <= 0) break;
      }
      const target = next ? targets[next.index] : undefined;
      if (!next || !target) {
        const checked = state.results
          .sort((a, b) => a.i - b.i)
          .map(({ i: _i, ...result }) => result);
        ctx.log.info("autointel.links_checked", {
          checked: checked.length,
          invocations: state.invocations,
        });
        return {
          checked,
          linkBudget,
          skippedByRobots,
          notChecked,
          cappedPerHost,
          invocations: state.invocations,
        } satisfies LinksOutput;
      }
      if (next.wait > MAX_INLINE_WAIT_MS) return continueLater(state, next.wait);
      // The site's budget, shared with every workflow: a busy site is skipped for now, and its
      // hosts' links wait while other sites' links are checked.
      const slot = await reserveSiteSlot(ctx.env, target.url, next.wait, MAX_INLINE_WAIT_MS);
      if (slot.kind === "busy") {
        siteFreeAt[target.site] = Date.now() + slot.retryAfterMs;
        continue;
      }
      const pace = pacer.pace(slot.waitMs);
      if (pace.kind === "yield") return continueLater(state, pace.afterMs);
      const label = textRef("autointel.progress.link", {
        link: done.size + 1,
        total: targets.length,
      });
      const check = await withHeartbeat(ctx, label, done.size / targets.length, async () => {
        await sleep(pace.waitMs, ctx.signal);
        if (ctx.signal.aborted) return "aborted";
        const answer = await checkLink(target.url, config, ctx.signal);
        state.lastRequestAt[target.origin] = Date.now();
        return answer;
      });
      if (check === "aborted") return continueLater(state, 0);
      state.results.push({
        i: next.index,
        url: target.url,
        from: target.from,
        ...check,
        // Kept across pauses: a hostile redirect target or error must not grow the state.
        finalUrl: check.finalUrl === null ? null : clip(check.finalUrl, MAX_LINK_LENGTH),
        note: check.note === null ? null : clip(check.note),
      });
      done.add(next.index);
    }
  },
};
