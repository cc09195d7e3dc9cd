import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("early_death_flow", [
  { delayMs: 400, progressSteps: 4 },
  { delayMs: 2000, progressSteps: 10 },
]);

describe("a token that dies earlier than the clock says", () => {
  it("is marked dead at the first 401, without a cascade, and progress moves to the bot's message", async () => {
    const started = await startViaDiscord(flow);
    await waitForWorkflow(started.workflowId, (s) => s.currentStage === 1);
    await emulator.expireToken(started.token);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    expect(done.tokenDead).toBe(true);
    expect(done.handoffRoute).toBe("webhook");
    expect(done.deliveryRoute).toBe("webhook");
    // Exactly one call hit the dead token; after it the tracker never used the token again.
    const rejected = (await emulator.requests(started.token)).filter((c) => c.status === 401);
    expect(rejected).toHaveLength(1);
    const events = await trackerStub(env, started.workflowId).events(0);
    expect(events.filter((e) => e.type === "token_dead")).toHaveLength(1);
  });
});
