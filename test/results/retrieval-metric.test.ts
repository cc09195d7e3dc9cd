// orphaned_results_retrieved_total{success}: only results that were never delivered count;
// success="true" when /retrieve_results found the stored result, success="false" when its index
// row was there but its body in R2 was gone.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  orphanResult,
  retrieveResults,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("retrieval_metric_flow", [{ delayMs: 300, progressSteps: 2 }]);

async function retrieved(): Promise<{ ok: number; failed: number }> {
  const res = await exports.default.fetch("http://bot.test/metrics", {
    headers: { authorization: "Bearer test-metrics-token" },
  });
  const text = await res.text();
  const sample = (success: string) => {
    const series = `orphaned_results_retrieved_total{success="${success}"} `;
    const line = text.split("\n").find((l) => l.startsWith(series));
    return line === undefined ? 0 : Number(line.slice(series.length));
  };
  return { ok: sample("true"), failed: sample("false") };
}

/** Waits until the counters settle at `expected` (they are written after the reply). */
async function expectRetrieved(expected: { ok: number; failed: number }): Promise<void> {
  await expect.poll(retrieved, { timeout: 10_000, interval: 50 }).toEqual(expected);
}

describe("orphaned_results_retrieved_total", () => {
  it("counts an orphaned result retrieved (true) and one whose body is gone (false), never a delivered one", async () => {
    const before = await retrieved();

    // Delivered, then retrieved: not an orphan, counts nowhere.
    const delivered = await startViaDiscord(flow);
    await waitForWorkflow(delivered.workflowId, (s) => s.deliveryState === "delivered");
    await retrieveResults(delivered);
    // Delivered, and its stored body gone: counts nowhere either.
    await env.RESULTS.delete(
      (await env.RESULTS.list({ prefix: `results/${delivered.workflowId}/` })).objects.map(
        (o) => o.key,
      ),
    );
    await retrieveResults(delivered);

    // Orphaned and retrieved: success="true".
    const orphan = await startViaDiscord(flow);
    await orphanResult(orphan);
    await retrieveResults(orphan);
    await expectRetrieved({ ok: before.ok + 1, failed: before.failed });

    // Orphaned, but its stored body lost: success="false".
    const lost = await startViaDiscord(flow);
    await orphanResult(lost);
    const prefix = `results/${lost.workflowId}/`;
    const objects = await env.RESULTS.list({ prefix });
    await env.RESULTS.delete(objects.objects.map((object) => object.key));
    await retrieveResults(lost);
    await expectRetrieved({ ok: before.ok + 1, failed: before.failed + 1 });
  });
});
