import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { freshId } from "../helpers/emulator.ts";
import {
  startQueuedViaDiscord,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

// Locally the queue delivers one batch at a time: while a blocker's stage runs (its runner
// heartbeating), every other stage message waits in the queue. The test then plays a consumer
// that claims a stage and dies — it never heartbeats nor completes — through the tracker's RPC.
// STAGE_LEASE_MS = 2000, MAX_STAGE_REPLAYS = 2.
const longBlocker = defineTestWorkflow("watchdog_blocker_long", [{ hangMs: 12_000 }]);
const shortBlocker = defineTestWorkflow("watchdog_blocker_short", [{ hangMs: 4500 }]);
const target = defineTestWorkflow("watchdog_target", [{ delayMs: 10 }, { delayMs: 10 }]);

async function redrives(workflowId: string): Promise<number> {
  const events = await trackerStub(env, workflowId).events(0);
  return events.filter((e) => e.type === "stage_redriven").length;
}

describe("the lease watchdog", () => {
  it("re-drives a claimed stage whose holder went silent, then gives up after MAX_STAGE_REPLAYS", async () => {
    await startViaDiscord(longBlocker);
    const started = await startQueuedViaDiscord(target, `silent-${freshId()}`);
    const tracker = trackerStub(env, started.workflowId);
    for (let invocation = 1; invocation <= 3; invocation++) {
      const claim = await tracker.claim({ stage: 0, invocation, deliveryAttempt: 1 });
      expect(claim.action, `claim of invocation ${invocation}`).toBe("run");
      if (invocation < 3)
        await vi.waitFor(async () => expect(await redrives(started.workflowId)).toBe(invocation), {
          timeout: 10_000,
          interval: 50,
        });
    }
    const done = await waitForWorkflow(started.workflowId, (s) => s.status === "failed", 10_000);
    expect(done.error).toContain("stopped responding 3 times");
    expect(done.stages[0]?.replays).toBe(2);
    expect(await redrives(started.workflowId)).toBe(2);
    // No consumer ever ran it: the silent holders were the only claimants.
    expect(stageRuns.filter((r) => r.workflowId === started.workflowId)).toHaveLength(0);
    const after = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(after.status).toBe("failed");
  });

  it("after a re-drive the stage runs again and the workflow completes", async () => {
    await startViaDiscord(shortBlocker);
    const started = await startQueuedViaDiscord(target, `once-${freshId()}`);
    const tracker = trackerStub(env, started.workflowId);
    expect((await tracker.claim({ stage: 0, invocation: 1, deliveryAttempt: 1 })).action).toBe(
      "run",
    );
    await vi.waitFor(async () => expect(await redrives(started.workflowId)).toBe(1), {
      timeout: 10_000,
      interval: 50,
    });
    const done = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
      30_000,
    );
    expect(done.status).toBe("completed");
    expect(done.stages.map((s) => s.replays)).toEqual([1, 0]);
    // The stale first message was skipped; the re-driven one ran the stage once.
    expect(
      stageRuns.filter((r) => r.workflowId === started.workflowId && r.stage === 0),
    ).toHaveLength(1);
  });
});
