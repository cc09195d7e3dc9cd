import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { stageQueueFor } from "../../src/queue/stage-queues.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import type { JsonValue, WorkflowDefinition } from "../../src/workflow/definition.ts";
import { registerWorkflow } from "../../src/workflow/registry.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, type TestWorkflow } from "../support/test-workflow.ts";

// A bulk stage (StageDefinition.bulk) runs from the bulk queue; a chain never carries a stage
// from one queue onto the other, so an ordinary stage after it is queued again, and the stage
// before it does not run it on the stage queue's message.

/** Three stages; the second yields twice and, when `bulk`, is a bulk stage. */
function kind(name: string, bulk: boolean): TestWorkflow {
  const shape = defineTestWorkflow(name, [{}, { yields: 2 }, {}]);
  const definition: WorkflowDefinition<JsonValue> = {
    ...shape.definition,
    stages: shape.definition.stages.map((stage, index) =>
      index === 1 && bulk ? { ...stage, bulk: true } : stage,
    ),
  };
  registerWorkflow(definition);
  return { ...shape, definition };
}

const withBulk = kind("bulk_middle_flow", true);
const ordinary = kind("ordinary_flow", false);

async function chainedFlags(workflow: TestWorkflow): Promise<unknown[]> {
  const started = await startViaDiscord(workflow);
  const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
  expect(done.status).toBe("completed");
  const events = await trackerStub(env, started.workflowId).events(0);
  return events
    .filter((e) => e.type === "stage_completed" && e.data.next !== undefined)
    .map((e) => e.data.chained);
}

describe("bulk stages", () => {
  it("go to the bulk queue, which is consumed: the workflow completes, never chaining across queues", async () => {
    expect(stageQueueFor(env, withBulk.name, "step2")).toBe(env.BULK_STAGES);
    expect(stageQueueFor(env, withBulk.name, "step1")).toBe(env.STAGES);
    expect(stageQueueFor(env, ordinary.name, "step2")).toBe(env.STAGES);
    // Into the bulk stage and out of it: each queued on its own queue.
    expect(await chainedFlags(withBulk)).toEqual([false, false]);
    // The same stages, all ordinary: the runner chains them on one message.
    expect(await chainedFlags(ordinary)).toEqual([true, true]);
  });
});
