import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { siteMinIntervalMs } from "../../src/sites/site-budget.ts";
import { siteKeyOf } from "../../src/sites/site-key.ts";
import { autointelConfig } from "../../src/workflows/autointel/config.ts";
import { DEPTH_PROFILES } from "../../src/workflows/autointel/depth.ts";
import { waitForWorkflow } from "../helpers/workflow-harness.ts";
import {
  FAN_OUT_HOSTS,
  FAN_OUT_LOG_PATH,
  type FanOutRequest,
  ONE_HOST_LINKS,
} from "../support/fan-out-site.ts";
import { startAnalysis, storedResult } from "./support/analysis-harness.ts";

const origin = () => inject("fanOutSiteOrigin");

async function fanOutRequests(): Promise<FanOutRequest[]> {
  const response = await fetch(`${origin()}${FAN_OUT_LOG_PATH}`);
  return ((await response.json()) as { requests: FanOutRequest[] }).requests;
}

async function analyse(path: string, depth: "quick" | "standard") {
  const started = await startAnalysis({ url: `${origin()}${path}`, depth });
  return started.workflowId;
}

// 400 checks at the test's pace of 25 ms, and the stages' queue round trips on a busy machine.
const delivered = (workflowId: string) =>
  waitForWorkflow(workflowId, (s) => s.deliveryState === "delivered", 110_000);

describe("the site key: one budget per registrable domain", () => {
  it("groups a domain's hosts, keeps public-suffix neighbours apart, and an address is its own", () => {
    expect(siteKeyOf("https://h1.victim.example.com/")).toBe("example.com");
    expect(siteKeyOf("https://a.victim.co.uk/x")).toBe("victim.co.uk");
    expect(siteKeyOf("https://b.victim.co.uk/")).toBe("victim.co.uk");
    expect(siteKeyOf("https://other.co.uk/")).toBe("other.co.uk");
    expect(siteKeyOf("http://127.0.0.1:8080/")).toBe("127.0.0.1");
    expect(siteKeyOf("http://127.0.0.1:9090/")).toBe("127.0.0.1");
    expect(siteKeyOf("http://[::1]:80/")).toBe("[::1]");
  });
});

describe("a page linking to 500 hosts of one site, analysed by two workflows at once", () => {
  it("every request to the site, from both workflows, keeps the site's pace", async () => {
    const interval = siteMinIntervalMs(env);
    expect(interval).toBe(25); // the test's configured pace (vitest.config.ts)
    const since = Date.now();
    const [a, b] = await Promise.all([
      analyse("/fan/a", "standard"),
      analyse("/fan/b", "standard"),
    ]);
    const [finalA, finalB] = await Promise.all([delivered(a as string), delivered(b as string)]);
    expect([finalA.status, finalB.status]).toEqual(["completed", "completed"]);

    const linkBudget = DEPTH_PROFILES.standard.linkBudget;
    for (const id of [a, b]) {
      const { data } = await storedResult(id as string);
      expect(data.links.checked).toBe(linkBudget);
      expect(data.links.notChecked).toBe(FAN_OUT_HOSTS - linkBudget);
    }
    const requests = (await fanOutRequests()).filter((r) => r.at >= since);
    const checks = (tag: string) => requests.filter((r) => r.path === `/${tag}`);
    expect(checks("a")).toHaveLength(linkBudget);
    expect(checks("b")).toHaveLength(linkBudget);
    // Both ran at the same time: each one's checks started before the other's ended.
    const span = (list: FanOutRequest[]): [number, number] => [
      list[0]?.at ?? 0,
      list.at(-1)?.at ?? 0,
    ];
    const [firstA, lastA] = span(checks("a"));
    const [firstB, lastB] = span(checks("b"));
    expect(firstA).toBeLessThan(lastB);
    expect(firstB).toBeLessThan(lastA);

    // The pace, as the site saw it: slots are booked `interval` apart and a request can only
    // arrive later than its slot, so any k+1 consecutive arrivals span at least k intervals less
    // one request's delay (slack). Unpaced, 20 local requests take a few milliseconds each.
    const times = requests.map((r) => r.at).sort((x, y) => x - y);
    const k = 20;
    const slack = 150;
    let tightest = Number.POSITIVE_INFINITY;
    for (let i = 0; i + k < times.length; i++)
      tightest = Math.min(tightest, (times[i + k] ?? 0) - (times[i] ?? 0));
    expect(times.length).toBeGreaterThanOrEqual(2 * linkBudget);
    expect(tightest).toBeGreaterThanOrEqual(k * interval - slack);
    const whole = (times.at(-1) ?? 0) - (times[0] ?? 0);
    console.log(JSON.stringify({ requests: times.length, interval, tightest, whole }));
    expect(whole).toBeGreaterThanOrEqual((times.length - 1) * interval - slack);
  }, 120_000);
});

describe("off-site link checks are capped per host", () => {
  it("60 links to one host: LINK_CHECKS_PER_HOST are checked, the rest counted", async () => {
    const cap = autointelConfig(env).linkChecksPerHost;
    expect(cap).toBe(25); // the default
    const since = Date.now();
    const id = await analyse("/one-host", "quick");
    expect((await delivered(id)).status).toBe("completed");
    const { data, markdown } = await storedResult(id);
    expect(data.links.checked).toBe(cap);
    expect(data.links.cappedPerHost).toBe(ONE_HOST_LINKS - cap);
    expect(markdown).toContain(
      `_${ONE_HOST_LINKS - cap} links were not checked because their host had already been checked`,
    );
    const requested = (await fanOutRequests()).filter(
      (r) => r.at >= since && r.path.startsWith("/one/"),
    );
    expect(new Set(requested.map((r) => r.path)).size).toBe(cap);
  });
});
