import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { trackerStub } from "../../src/workflow/start.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { activeRuns, defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

describe("the lease watchdog", () => {
  it("re-drives a stage whose runner went silent, then gives up after MAX_STAGE_REPLAYS", async () => {
    // STAGE_LEASE_MS = 2000, MAX_STAGE_REPLAYS = 2; the stage blocks 7 s without a heartbeat.
    const silent = defineTestWorkflow("silent_flow", [{ hangMs: 7000 }]);
    const started = await startViaDiscord(silent);
    const done = await waitForWorkflow(started.workflowId, (s) => s.status === "failed", 20_000);
    expect(done.error).toContain("stopped responding 3 times");
    expect(done.stages[0]?.replays).toBe(2);
    const events = await trackerStub(env, started.workflowId).events(0);
    expect(events.filter((e) => e.type === "stage_redriven")).toHaveLength(2);
    // Let the blocked run end (locally the queue delivers one batch at a time, so the re-driven
    // copies wait behind it); its late completion and the stale copies are all ignored.
    await vi.waitFor(() => expect(activeRuns.count).toBe(0), { timeout: 15_000, interval: 100 });
    const runs = stageRuns.filter((r) => r.workflowId === started.workflowId);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeLessThanOrEqual(3);
    const after = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(after.status).toBe("failed");
  });

  it("after a re-drive the stage runs again and the workflow completes", async () => {
    const once = defineTestWorkflow("silent_once_flow", [
      { delayMs: 10 },
      { hangMs: 2800, hangRuns: 1 },
      { delayMs: 10 },
    ]);
    const started = await startViaDiscord(once);
    const done = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
      20_000,
    );
    expect(done.status).toBe("completed");
    expect(done.stages[1]?.replays).toBe(1);
    expect(
      stageRuns.filter((r) => r.workflowId === started.workflowId && r.stage === 1),
    ).toHaveLength(2);
    await vi.waitFor(() => expect(activeRuns.count).toBe(0), { timeout: 15_000, interval: 100 });
  });
});
