// The seeds' WARNING lines: one when Discord says a workflow's session (interaction token) closed
// under it, one when a result ends orphaned; each a structured JSON line with the workflow id.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emulator } from "../helpers/emulator.ts";
import { orphanResult, startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const slow = defineTestWorkflow("warning_log_flow", [{ delayMs: 2500, progressSteps: 10 }]);
const quick = defineTestWorkflow("warning_orphan_flow", [{ delayMs: 300, progressSteps: 2 }]);

let warnings: Record<string, unknown>[] = [];

beforeEach(() => {
  warnings = [];
  vi.spyOn(console, "warn").mockImplementation((line: unknown) => {
    try {
      warnings.push(JSON.parse(String(line)) as Record<string, unknown>);
    } catch {
      // Not one of ours.
    }
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function warned(event: string, workflowId: string) {
  return warnings.filter((w) => w.event === event && w.workflowId === workflowId);
}

describe("WARNING logs", () => {
  it("a session closed under a running workflow", async () => {
    const started = await startViaDiscord(slow);
    // Discord ends the token early: the next progress edit learns it.
    await emulator.expireToken(started.token);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    await vi.waitFor(() => expect(warned("token.died_early", started.workflowId)).not.toEqual([]));
    expect(warned("token.died_early", started.workflowId)[0]).toMatchObject({ level: "warn" });
  });

  it("a result that ends orphaned", async () => {
    const started = await startViaDiscord(quick);
    await orphanResult(started);
    await vi.waitFor(() => expect(warned("result.orphaned", started.workflowId)).toHaveLength(1));
    expect(warned("result.orphaned", started.workflowId)[0]).toMatchObject({ level: "warn" });
  });
});
