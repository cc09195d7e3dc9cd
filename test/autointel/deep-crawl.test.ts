import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { USER_AGENT } from "../../src/workflows/autointel/config.ts";
import { estimateDurationMs } from "../../src/workflows/autointel/depth.ts";
import { emulator } from "../helpers/emulator.ts";
import { waitForWorkflow } from "../helpers/workflow-harness.ts";
import {
  DEEP_CRAWL_DELAY_SECONDS,
  DEEP_SITE,
  DEEP_SITE_PAGE_COUNT,
} from "../support/test-site-pages.ts";
import {
  deepSiteOrigin,
  invocations,
  siteRequests,
  startAnalysis,
  storedResult,
} from "./support/analysis-harness.ts";

// The deep site has 41 pages and asks for 0.25 s between requests, so its crawl cannot take less
// than 10 s, while the interaction token lives 6 s (usable 5 s): the token dies mid-crawl by
// construction, not by a race. Everything below waits on conditions, never on the clock.
describe("/autointel depth:deep, past the interaction token", () => {
  it("crawls across many stage invocations and still delivers the report", {
    timeout: 120_000,
  }, async () => {
    const startedAt = Date.now();
    const started = await startAnalysis({ url: `${deepSiteOrigin()}/`, depth: "deep" });
    const final = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
      100_000,
    );
    expect(final.status).toBe("completed");
    // The token was dead when the result came: the ladder delivered on the bot-owned message.
    expect(final.deliveryRoute).toBe("webhook");

    const { data, markdown } = await storedResult(started.workflowId);
    expect(data.site?.pagesCrawled).toBe(DEEP_SITE_PAGE_COUNT);
    expect(data.site?.pages.every((page) => page.outcome === "ok")).toBe(true);
    expect(data.site?.delayMs).toBe(DEEP_CRAWL_DELAY_SECONDS * 1000);
    expect(data.links.broken).toEqual([]);
    expect(markdown).toContain(`## Pages crawled (${DEEP_SITE_PAGE_COUNT} of a budget of 100)`);

    // The crawl yielded and resumed with its state, and kept going after the token died.
    const crawlRuns = invocations.filter(
      (r) => r.workflowId === started.workflowId && r.stage === "crawl",
    );
    expect(crawlRuns.length).toBeGreaterThan(3);
    expect(crawlRuns.slice(1).every((run) => run.resumed)).toBe(true);
    expect(data.site?.invocations).toBe(crawlRuns.length);
    expect(crawlRuns.some((run) => run.at > started.tokenExpiresAt)).toBe(true);
    // What travels between invocations stays far below the tracker's 64 KB inline limit.
    expect(Math.max(...crawlRuns.map((run) => run.stateBytes))).toBeLessThan(32 * 1024);

    // The link check loads only the crawl's output, on its first run and on every resume.
    const linkRuns = invocations.filter(
      (r) => r.workflowId === started.workflowId && r.stage === "links",
    );
    expect(linkRuns.length).toBeGreaterThan(0);
    for (const run of linkRuns) expect(run.inputs).toEqual(["crawl"]);

    // The user was told up front, and the dead token was never used.
    const tokenCalls = await emulator.requests(started.token);
    expect(tokenCalls.some((c) => JSON.stringify(c.body).includes("15-minute reply window"))).toBe(
      true,
    );
    expect(estimateDurationMs("deep")).toBeGreaterThan(10 * 60_000);
    for (const call of tokenCalls)
      expect(call.at, `${call.method} ${call.path}`).toBeLessThan(started.tokenExpiresAt);

    // Exactly one final message, in the channel, carrying the report.
    const messages = await emulator.messages({ channelId: started.channelId });
    const finals = messages.filter((m) =>
      JSON.stringify(m.embeds).includes("Site analysis finished"),
    );
    expect(finals).toHaveLength(1);
    const events = await trackerStub(env, started.workflowId).events(0);
    expect(events.map((e) => e.type).at(-1)).toBe("delivered");

    // The site saw every page once, at the pace its robots.txt asked for.
    const pageGets = (await siteRequests(deepSiteOrigin())).filter(
      (r) =>
        r.method === "GET" && r.at >= startedAt && r.path in DEEP_SITE && r.path !== "/robots.txt",
    );
    expect(pageGets.every((r) => r.userAgent === USER_AGENT)).toBe(true);
    expect(new Set(pageGets.map((r) => r.path)).size).toBe(DEEP_SITE_PAGE_COUNT);
    const gaps = pageGets.slice(1).map((r, i) => r.at - (pageGets[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DEEP_CRAWL_DELAY_SECONDS * 1000 - 10);
  });
});
