import { evictDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

describe("a tracker evicted mid-run", () => {
  it("resumes from its storage and the workflow completes", async () => {
    const flow = defineTestWorkflow("evict_flow", [
      { delayMs: 300, progressSteps: 3 },
      { delayMs: 600, progressSteps: 3 },
      { delayMs: 300, progressSteps: 3, yields: 2 },
    ]);
    const started = await startViaDiscord(flow);
    await waitForWorkflow(started.workflowId, (s) => s.currentStage === 1);
    const stub = env.WORKFLOWS.get(env.WORKFLOWS.idFromName(started.workflowId));
    await evictDurableObject(stub);
    await waitForWorkflow(started.workflowId, (s) => s.currentStage === 2);
    await evictDurableObject(stub);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    const events = await trackerStub(env, started.workflowId).events(0);
    expect(events.filter((e) => e.type === "stage_completed").map((e) => e.data.stage)).toEqual([
      0, 1, 2,
    ]);
    expect(events.filter((e) => e.type === "stage_yielded")).toHaveLength(2);
  });
});
