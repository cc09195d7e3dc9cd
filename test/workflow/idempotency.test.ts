import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { freshId } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

const twoStages = defineTestWorkflow("dup_flow", [
  { delayMs: 600, progressSteps: 3 },
  { delayMs: 100 },
]);

describe("at-least-once in, exactly-once applied", () => {
  it("a duplicate queue message for a running stage is skipped, and a late one after completion too", async () => {
    const started = await startViaDiscord(twoStages);
    // Discord-style duplicate: the same message again while stage 0 runs.
    await env.STAGES.send({ workflowId: started.workflowId, stage: 0, invocation: 1 });
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    // And once more after everything finished.
    await env.STAGES.send({ workflowId: started.workflowId, stage: 1, invocation: 1 });
    const tracker = trackerStub(env, started.workflowId);
    const afterLate = await tracker.claim({ stage: 1, invocation: 1, deliveryAttempt: 1 });
    expect(afterLate).toEqual({ action: "skip", reason: "workflow completed" });

    const runs = stageRuns.filter((r) => r.workflowId === started.workflowId);
    expect(runs.filter((r) => r.stage === 0)).toHaveLength(1);
    expect(runs.filter((r) => r.stage === 1)).toHaveLength(1);
    const events = await tracker.events(0);
    expect(events.filter((e) => e.type === "stage_completed")).toHaveLength(2);
    expect(events.filter((e) => e.type === "delivered")).toHaveLength(1);
  });

  it("a repeated or stale completion is acknowledged and ignored", async () => {
    const slow = defineTestWorkflow("dup_rpc_flow", [
      { delayMs: 1500, progressSteps: 3 },
      { delayMs: 10 },
    ]);
    const started = await startViaDiscord(slow);
    const tracker = trackerStub(env, started.workflowId);
    // A second claimant of the same delivery attempt is told the stage is already running.
    const second = await tracker.claim({ stage: 0, invocation: 1, deliveryAttempt: 1 });
    expect(second).toEqual({ action: "skip", reason: "already running" });
    // A completion for an invocation that does not exist is ignored.
    const stale = await tracker.complete({
      stage: 0,
      invocation: 7,
      claimId: "nobody",
      outcome: { kind: "output", output: "forged" },
    });
    expect(stale).toEqual({ accepted: false, reason: "duplicate" });
    await waitForWorkflow(started.workflowId, (s) => s.status === "completed");
    const again = await tracker.complete({
      stage: 0,
      invocation: 1,
      claimId: "late",
      outcome: { kind: "output", output: "late" },
    });
    expect(again.accepted).toBe(false);
    const snapshot = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
    );
    expect(snapshot.stages.map((s) => s.status)).toEqual(["done", "done"]);
  });

  it("the same start message delivered twice (a duplicate, or a replayed interaction) creates the workflow once", async () => {
    const id = crypto.randomUUID();
    const start = {
      workflowId: id,
      name: "dup_flow",
      options: { input: "x" },
      inputLabel: "x",
      userId: freshId(),
      guildId: null,
      channelId: null,
      applicationId: "2",
      interactionId: "3",
      interactionToken: "never-used",
      receivedAt: Date.now(),
      estimateMs: 10,
    };
    const message = { workflowId: id, stage: 0, invocation: 1, start };
    await env.STAGES.send(message);
    await env.STAGES.send(message);
    await waitForWorkflow(id, (s) => s.status === "completed");
    await waitForWorkflow(
      id,
      (s) => s.deliveryState === "delivered" || s.deliveryState === "orphaned",
    );
    expect(stageRuns.filter((r) => r.workflowId === id && r.stage === 0)).toHaveLength(1);
    const events = await trackerStub(env, id).events(0);
    expect(events.filter((e) => e.type === "workflow_started")).toHaveLength(1);
  });
});
