import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import worker from "../../src/index.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import type { JsonValue, WorkflowDefinition } from "../../src/workflow/definition.ts";
import { registerWorkflow } from "../../src/workflow/registry.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

// Stage 2's first run never returns on its own: that consumer is as good as dead. The gate lets
// it come back afterwards, as a zombie whose late answer must not count.
const gate = { open: false };
const secondStageRuns: string[] = [];
let zombieSignal: AbortSignal | undefined;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const shape = defineTestWorkflow("mid_chain_flow", [{ delayMs: 10 }, {}, { delayMs: 10 }]);
const definition: WorkflowDefinition<JsonValue> = {
  ...shape.definition,
  stages: shape.definition.stages.map((stage, index) =>
    index !== 1
      ? stage
      : {
          ...stage,
          budgetMs: 60_000,
          async run(ctx) {
            secondStageRuns.push(ctx.workflowId);
            const run = secondStageRuns.filter((id) => id === ctx.workflowId).length;
            if (run === 1) {
              zombieSignal = ctx.signal;
              while (!gate.open) await sleep(20); // ignores its signal, like a hung isolate
              return "zombie output";
            }
            return `output of run ${run}`;
          },
        },
  ),
};
registerWorkflow(definition);

describe("a consumer that dies mid-chain", () => {
  it("after running stage k+1 in the same invocation, before completing it: nothing lost, nothing counted twice", async () => {
    const started = await startViaDiscord({ ...shape, definition });
    // Stage 1 completed and handed stage 2 to the same consumer, which is now stuck in it.
    await vi.waitFor(() => expect(secondStageRuns).toContain(started.workflowId), {
      timeout: 10_000,
      interval: 20,
    });
    const tracker = trackerStub(env, started.workflowId);
    const before = await tracker.status();
    expect(before?.stages.map((s) => s.status)).toEqual(["done", "running", "pending"]);

    // The queue redelivers the message the dead consumer never acked: stage 1's, attempt 2.
    const batch = createMessageBatch("longflow-stages", [
      {
        id: "redelivered",
        timestamp: new Date(),
        attempts: 2,
        body: { workflowId: started.workflowId, stage: 0, invocation: 1 },
      },
    ]);
    const ctx = createExecutionContext();
    await (worker as ExportedHandler<Env>).queue?.(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["redelivered"]);

    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    expect(secondStageRuns.filter((id) => id === started.workflowId)).toHaveLength(2);
    // The zombie's runner learns from its next heartbeat that its claim was superseded.
    await vi.waitFor(() => expect(zombieSignal?.aborted).toBe(true), { timeout: 5000 });
    expect(String(zombieSignal?.reason)).toContain("superseded");
    gate.open = true;

    const events = await tracker.events(0);
    expect(events.filter((e) => e.type === "stage_completed").map((e) => e.data.stage)).toEqual([
      0, 1, 2,
    ]);
    expect(
      stageRuns.filter((r) => r.workflowId === started.workflowId && r.stage === 0),
    ).toHaveLength(1);
    expect(done.stages.map((s) => s.claims)).toEqual([1, 2, 1]);
    const stored = await env.RESULTS.get(`results/${started.workflowId}/result.json`);
    const data = JSON.stringify(await stored?.json());
    expect(data).toContain("output of run 2");
    expect(data).not.toContain("zombie output");
  });
});
