import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/workflow/start.ts";
import { emulator } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

describe("a poison stage", () => {
  it("goes to the dead-letter queue after the last retry; the workflow fails and the user is told", async () => {
    const poison = defineTestWorkflow("poison_flow", [{ delayMs: 10 }, { failTimes: 1000 }]);
    const started = await startViaDiscord(poison);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("failed");
    expect(done.error).toContain("given up after its last retry");
    // wrangler.toml: max_retries = 5 → six deliveries, then the dead-letter queue.
    const runs = stageRuns.filter((r) => r.workflowId === started.workflowId && r.stage === 1);
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    const events = await trackerStub(env, started.workflowId).events(0);
    expect(events.some((e) => e.type === "workflow_failed")).toBe(true);
    const original = (await emulator.messages({ token: started.token }))[0];
    expect(JSON.stringify(original?.embeds)).toContain(" failed");
    expect(JSON.stringify(original?.embeds)).toContain("What next");
  });
});
