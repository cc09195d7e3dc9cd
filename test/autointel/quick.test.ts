import { describe, expect, it } from "vitest";
import { waitForWorkflow } from "../helpers/workflow-harness.ts";
import { MAIN_TRUTH, PRIVATE_LINK } from "../support/test-site-pages.ts";
import {
  deepSiteOrigin,
  siteOrigin,
  startAnalysis,
  storedResult,
} from "./support/analysis-harness.ts";

const absolute = (path: string) =>
  path.startsWith("{deep}")
    ? path.replace("{deep}", deepSiteOrigin())
    : path.startsWith("/")
      ? `${siteOrigin()}${path}`
      : path;

describe("/autointel depth:quick", () => {
  it("analyses the start page and checks every link on it, without crawling", async () => {
    const started = await startAnalysis({ url: `${siteOrigin()}/`, depth: "quick" });
    const final = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
      45_000,
    );
    expect(final.status).toBe("completed");
    const { data, fields } = await storedResult(started.workflowId);
    const truth = MAIN_TRUTH.quick;

    expect(data.site?.pagesCrawled).toBe(truth.pagesCrawled);
    expect(data.links.checked).toBe(truth.linksChecked);
    expect(data.links.skippedByRobots).toBe(truth.skippedByRobots);
    const urls = (list: { url: string }[]) => list.map((item) => item.url).sort();
    expect(urls(data.links.broken)).toEqual(truth.broken.map(absolute).sort());
    expect(urls(data.links.refused)).toEqual(truth.refused.map(absolute).sort());
    expect(urls(data.links.redirected)).toEqual(truth.redirected.map(absolute));

    const result = (path: string) => data.links.results.find((r) => r.url === absolute(path));
    expect(result("/head-refused")).toMatchObject({
      outcome: "ok",
      note: "HEAD answered 405; checked with GET",
    });
    expect(result("/huge")).toMatchObject({ outcome: "ok", status: 200 });
    expect(result("/data.json")).toMatchObject({ outcome: "ok" });
    expect(result(PRIVATE_LINK)?.note).toContain("private (10.0.0.0/8)");
    expect(result("/private/keepers")).toBeUndefined(); // robots.txt disallows it
    expect(fields.find((f) => f.name === "Pages crawled")?.value).toBe("1 of up to 1");
    expect(fields.find((f) => f.name === "Top terms")?.value).toMatch(/^lighthouse, /);
  });
});
