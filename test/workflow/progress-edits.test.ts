import { describe, expect, it } from "vitest";
import { emulator } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const chatty = defineTestWorkflow("chatty_flow", [
  { delayMs: 1500, progressSteps: 30 },
  { delayMs: 10 },
]);

describe("progress edits of the original response", () => {
  it("are coalesced to one per PROGRESS_MIN_INTERVAL_MS and end with the latest state", async () => {
    const started = await startViaDiscord(chatty);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const edits = (await emulator.requests(`${started.token}/messages/@original`)).filter(
      (c) => c.method === "PATCH",
    );
    // A progress edit names its stage ("stage 1/2"); the final result ("2 stage outputs") is not one.
    const progressEdits = edits.filter((c) => /stage \d+\/\d+/.test(JSON.stringify(c.body)));
    expect(progressEdits.length).toBeGreaterThan(2);
    expect(progressEdits.length).toBeLessThan(15); // 30 progress reports, 200 ms apart at most
    for (let i = 1; i < progressEdits.length; i++) {
      const gap = (progressEdits[i]?.at ?? 0) - (progressEdits[i - 1]?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(150); // the interval, minus clock jitter between processes
    }
    const body = JSON.stringify(progressEdits[0]?.body);
    expect(body).toMatch(/stage 1\/2/);
    expect(body).toContain("reply window");
    expect(body).toContain(`cancel:${started.workflowId}`);
  });

  it("a 429 storm is honoured: no edit is sent before Discord's retry_after has passed", async () => {
    const storm = defineTestWorkflow("storm_flow", [
      { delayMs: 2500, progressSteps: 25 },
      { delayMs: 10 },
    ]);
    const started = await startViaDiscord(storm);
    await emulator.injectFault({
      match: `${started.token}/messages/@original`,
      method: "PATCH",
      kind: "rate_limit",
      times: 3,
      retryAfterSeconds: 0.6,
    });
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const edits = (await emulator.requests(`${started.token}/messages/@original`)).filter(
      (c) => c.method === "PATCH",
    );
    const limited = edits.filter((c) => c.status === 429);
    expect(limited.length).toBe(3);
    for (const hit of limited) {
      const next = edits.find((c) => c.seq > hit.seq);
      expect(next, "an edit followed the 429").toBeDefined();
      expect((next?.at ?? 0) - hit.at).toBeGreaterThanOrEqual(550);
    }
    // The final result still arrived on the first rung, once.
    const finals = edits.filter(
      (c) => c.status < 400 && JSON.stringify(c.body).includes("finished"),
    );
    expect(finals).toHaveLength(1);
  });
});
