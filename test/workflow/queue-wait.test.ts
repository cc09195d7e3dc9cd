import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { WAITING_FOR_WORKER_LABEL } from "../../src/tracker/watchdog.ts";
import { freshId } from "../helpers/emulator.ts";
import {
  startQueuedViaDiscord,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

// Locally the queue delivers one batch at a time, so a long stage of one workflow holds every
// other stage in the queue. STAGE_LEASE_MS = 2000, QUEUE_WAIT_NOTICE_SECONDS = 1.5.
const blocker = defineTestWorkflow("queue_wait_blocker", [{ hangMs: 5000 }]);
const waiting = defineTestWorkflow("queue_wait_flow", [{ delayMs: 10 }, { delayMs: 10 }]);

describe("a stage waiting in the queue", () => {
  it("is not a dead runner: held longer than its lease, it runs once and the workflow completes", async () => {
    await startViaDiscord(blocker);
    const started = await startQueuedViaDiscord(waiting, `held-${freshId()}`);
    // Past the notice the user is told why nothing moves.
    const held = await waitForWorkflow(
      started.workflowId,
      (s) => s.progressLabel === WAITING_FOR_WORKER_LABEL,
      10_000,
    );
    expect(held.status).toBe("queued");
    expect(held.waitingSince).not.toBeNull();
    const done = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
      30_000,
    );
    expect(done.status).toBe("completed");
    expect(done.stages.map((s) => s.replays)).toEqual([0, 0]);
    // It waited longer than a lease, and the wait is recorded as queue lag, not a failure.
    expect(done.stages[0]?.queueWaitMs).toBeGreaterThan(2000);
    expect(done.waitingSince).toBeNull();
    expect(stageRuns.filter((r) => r.workflowId === started.workflowId)).toHaveLength(2);
    const events = await trackerStub(env, started.workflowId).events(0);
    expect(events.some((e) => e.type === "waiting_for_worker")).toBe(true);
    expect(events.some((e) => e.type === "stage_redriven")).toBe(false);
  });
});
