import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { MAX_LINKS_PER_PAGE, MAX_TEXT_LENGTH } from "../../src/workflows/autointel/crawl-limits.ts";
import { ROBOTS_MAX_RULES } from "../../src/workflows/autointel/robots.ts";
import { displayed } from "../helpers/markdown-hazards.ts";
import { waitForWorkflow } from "../helpers/workflow-harness.ts";
import {
  MANY_LINKS,
  NESTED_TAGS,
  OVERCAP_RULES,
  PRIVATE_TARGET,
  REDOS_PATHS,
  TRAPS,
} from "../support/hostile-site.ts";
import { siteOrigin, startAnalysis, storedResult } from "./support/analysis-harness.ts";

const sites = () => inject("hostileSites");
const stageBudgetMs = () => Number(env.STAGE_BUDGET_MS);
/** Generous for a test, tiny next to the hours a frozen consumer or a 1 GB read would take. */
const WORKFLOW_BUDGET_MS = 45_000;

async function analyse(url: string, depth: string) {
  const started = await startAnalysis({ url, depth });
  return { ...started, url, startedAt: Date.now() };
}

async function finished(run: Awaited<ReturnType<typeof analyse>>) {
  const final = await waitForWorkflow(
    run.workflowId,
    (s) => s.deliveryState === "delivered",
    WORKFLOW_BUDGET_MS,
  );
  return { final, ms: Date.now() - run.startedAt, ...(await storedResult(run.workflowId)) };
}

describe("the hostile-site corpus", () => {
  it("ends every hostile workflow within its budget with a report saying what was cut, and a benign workflow in the same batches is barely slowed", {
    timeout: 180_000,
  }, async () => {
    // The benign workflow alone first, for comparison.
    const alone = await finished(await analyse(`${siteOrigin()}/`, "quick"));
    expect(alone.final.status).toBe("completed");

    // Then the same benign workflow among the hostile ones, sharing the queue's batches.
    const trap = await analyse(`${sites().trap}/`, "standard");
    const redos = await analyse(`${sites().redos}/`, "standard");
    const benign = await analyse(`${siteOrigin()}/`, "quick");
    const overcap = await analyse(`${sites().overcap}/`, "standard");
    const delay = await analyse(`${sites().delay}/`, "quick");
    const [trapDone, redosDone, benignDone, overcapDone, delayDone] = await Promise.all([
      finished(trap),
      finished(redos),
      finished(benign),
      finished(overcap),
      finished(delay),
    ]);
    for (const run of [trapDone, redosDone, benignDone, overcapDone, delayDone]) {
      expect(run.final.status).toBe("completed");
      expect(run.ms).toBeLessThan(WORKFLOW_BUDGET_MS);
    }
    expect(benignDone.ms, `alone ${alone.ms} ms`).toBeLessThanOrEqual(alone.ms + stageBudgetMs());

    // The trap site: every trap is in the pages table with what happened to it.
    const pages = trapDone.data.site?.pages ?? [];
    const page = (path: string) => pages.find((p) => p.url === `${sites().trap}${path}`);
    expect(page(TRAPS.bomb)).toMatchObject({ outcome: "too_large" });
    expect(page(TRAPS.trickle)).toMatchObject({ outcome: "timeout" });
    expect(page(TRAPS.trickle)?.note).toContain("did not answer within 1.5 s");
    expect(page(TRAPS.loop)?.note).toContain("more than 5 redirects");
    expect(page(TRAPS.toPrivate)).toMatchObject({ outcome: "refused" });
    expect(page(TRAPS.toPrivate)?.note).toContain(PRIVATE_TARGET);
    expect(page(TRAPS.manyLinks)).toMatchObject({ outcome: "ok", links: MAX_LINKS_PER_PAGE });
    expect(page(TRAPS.manyLinks)?.note).toContain(`${MANY_LINKS - MAX_LINKS_PER_PAGE} more links`);
    expect(page(TRAPS.nested)).toMatchObject({ outcome: "ok", words: 3 });
    expect(page(TRAPS.badUtf8)?.title).toMatch(/^Caf\uFFFD/);
    expect(page(TRAPS.wrongCharset)?.outcome).toBe("ok");
    expect(page(TRAPS.hugeHeader)?.outcome).toMatch(/^(ok|failed)$/);
    expect(trapDone.data.extract?.title?.length).toBe(MAX_TEXT_LENGTH);
    expect(trapDone.data.extract?.title?.endsWith("…")).toBe(true);
    const trapReport = displayed(trapDone.markdown);
    expect(trapReport).toContain("did not answer within 1.5 s");
    expect(trapReport).toContain("is larger than 1024 KiB");
    expect(trapReport).toContain(`which was refused: the host is a cloud metadata`);
    expect(NESTED_TAGS).toBe(10_000);

    // Backtracking-shaped rules are matched in linear time: the crawl went on as usual.
    expect(redosDone.data.site?.pagesCrawled).toBe(Math.min(10, 1 + REDOS_PATHS));
    expect(redosDone.data.site?.robots).toMatchObject({ kind: "read", rules: ROBOTS_MAX_RULES });
    expect(displayed(redosDone.markdown)).toContain(
      `${ROBOTS_MAX_RULES.toLocaleString("en-US")} rules apply to us`,
    );

    // Over the caps: refused, and the report says why.
    expect(overcapDone.data.site?.robots).toEqual({
      kind: "refused",
      problem: `has ${OVERCAP_RULES} rules for us, more than the ${ROBOTS_MAX_RULES} we follow`,
    });
    expect(displayed(overcapDone.markdown)).toContain(
      `robots.txt refused: it has ${OVERCAP_RULES} rules for us, more than the ${ROBOTS_MAX_RULES} we follow; no page beyond the start page was crawled`,
    );

    // Crawl-delay: 86400 is cut to the cap and the report says so.
    expect(delayDone.data.site?.robots).toMatchObject({
      crawlDelaySeconds: 86_400,
      capSeconds: 30,
    });
    expect(displayed(delayDone.markdown)).toContain("Crawl-delay 1 day asked, cut to 30 sec");
    expect(delayDone.data.site?.delayMs).toBe(30_000);
  });
});
