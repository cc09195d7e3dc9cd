import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

describe("a stage that throws", () => {
  it("is retried by the queue and the workflow completes", async () => {
    const flaky = defineTestWorkflow("flaky_flow", [
      { delayMs: 10 },
      { failTimes: 2, delayMs: 10 },
      { delayMs: 10 },
    ]);
    const started = await startViaDiscord(flaky);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    const attempts = stageRuns
      .filter((r) => r.workflowId === started.workflowId && r.stage === 1)
      .map((r) => r.attempt);
    expect(attempts).toEqual([1, 2, 3]);
    const events = await trackerStub(env, started.workflowId).events(0);
    expect(events.filter((e) => e.type === "stage_retrying")).toHaveLength(2);
  });

  it("a fatal error fails the workflow at once and the user is told", async () => {
    const broken = defineTestWorkflow("fatal_flow", [
      { delayMs: 10 },
      { fatal: true },
      { delayMs: 10 },
    ]);
    const started = await startViaDiscord(broken);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("failed");
    expect(done.error).toContain("planned fatal failure");
    expect(
      stageRuns.filter((r) => r.workflowId === started.workflowId && r.stage === 1),
    ).toHaveLength(1);
    expect(stageRuns.some((r) => r.workflowId === started.workflowId && r.stage === 2)).toBe(false);
    expect(done.deliveryRoute).toBe("interaction");
  });
});
