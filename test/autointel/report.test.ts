import { describe, expect, it } from "vitest";
import { waitForWorkflow } from "../helpers/workflow-harness.ts";
import { MAIN_TRUTH } from "../support/test-site-pages.ts";
import {
  deepSiteOrigin,
  siteOrigin,
  siteRequests,
  startAnalysis,
  storedResult,
} from "./support/analysis-harness.ts";

const absolute = (path: string) =>
  path.startsWith("{deep}")
    ? path.replace("{deep}", deepSiteOrigin())
    : path.startsWith("/")
      ? `${siteOrigin()}${path}`
      : path;

describe("/autointel depth:standard on the test site", () => {
  it("reports what the site really contains", async () => {
    const started = await startAnalysis({ url: `${siteOrigin()}/`, depth: "standard" });
    const final = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
      45_000,
    );
    expect(final.status).toBe("completed");
    const { data, fields, markdown, summary } = await storedResult(started.workflowId);
    const truth = MAIN_TRUTH.standard;

    // The start page.
    expect(data.extract).toMatchObject({
      title: MAIN_TRUTH.title,
      description: MAIN_TRUTH.description,
      lang: MAIN_TRUTH.lang,
      openGraph: MAIN_TRUTH.openGraph,
      headings: MAIN_TRUTH.headings,
      wordCount: MAIN_TRUTH.wordCount,
    });
    expect(data.page).toMatchObject({ status: 200, finalUrl: `${siteOrigin()}/` });

    // The crawl: budget respected, robots.txt honoured, every kind of trouble named.
    expect(data.site?.pagesCrawled).toBe(truth.pagesCrawled);
    const pages = data.site?.pages ?? [];
    expect(pages.filter((p) => p.outcome === "ok").map((p) => p.url)).toEqual(
      truth.htmlPages.map(absolute),
    );
    const outcome = (path: string) => pages.find((p) => p.url === absolute(path))?.outcome;
    expect(outcome("/huge")).toBe("too_large");
    expect(outcome("/slow")).toBe("timeout");
    expect(outcome("/data.json")).toBe("not_html");
    expect(outcome("/to-metadata")).toBe("refused");
    expect(outcome("/old-guide")).toBe("duplicate");
    expect(data.site?.skippedByRobots).toEqual(truth.skippedByRobots.map(absolute));

    // Links: what is broken, refused, redirected, and how many were looked at.
    const urls = (list: { url: string }[]) => list.map((item) => item.url).sort();
    expect(urls(data.links.broken)).toEqual(truth.broken.map(absolute).sort());
    expect(urls(data.links.refused)).toEqual(truth.refused.map(absolute).sort());
    expect(urls(data.links.redirected)).toEqual(truth.redirected.map(absolute));
    expect(data.links.checked).toBe(truth.linksChecked);
    expect(data.links.found).toBe(truth.linksFound);
    expect(data.links.results).toHaveLength(truth.linksCheckedByLinkStage);
    expect(data.links.skippedByRobots).toBe(2); // /private/keepers and /private/logbook
    expect(data.links.broken.find((b) => b.url === absolute("/missing"))?.foundOn).toBe(
      `${siteOrigin()}/`,
    );
    expect(data.topTerms[0]?.[0]).toBe("lighthouse");
    expect(data.summary).toEqual({ skipped: "no AI binding" });

    // The same figures reach the user: summary line, embed fields, report.md.
    expect(summary).toBe(
      `"${MAIN_TRUTH.title}": ${truth.pagesCrawled} pages crawled, ${truth.linksChecked} links checked, ${truth.broken.length} broken.`,
    );
    const field = (name: string) => fields.find((f) => f.name === name)?.value;
    expect(field("Broken links")).toBe(String(truth.broken.length));
    expect(field("Pages crawled")).toBe(`${truth.pagesCrawled} of up to 10`);
    expect(field("Images without alt")).toBe(String(truth.imagesWithoutAlt));
    expect(field("Words")).toContain(String(MAIN_TRUTH.wordCount));
    expect(markdown).toContain(`## Broken links (${truth.broken.length})`);
    expect(markdown).toContain(
      `| \`${absolute("/missing")}\` | answered HTTP 404 | \`${siteOrigin()}/\` |`,
    );
    expect(markdown).toContain("## Pages crawled (10 of a budget of 10)");
    expect(markdown).toContain("_AI summary skipped: no AI binding._");

    // The site saw a polite, identified crawler that never entered /private/.
    const requests = await siteRequests(siteOrigin());
    expect(requests.some((r) => r.path === "/robots.txt")).toBe(true);
    expect(requests.filter((r) => r.path.startsWith("/private/"))).toEqual([]);
  });
});
