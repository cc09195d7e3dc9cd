import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import { startFailedText } from "../../src/queue/quota-refusal.ts";
import { workflowIdFor } from "../../src/queue/start.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import type { StartMessage } from "../../src/tracker/rpc.ts";
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

  it("tells the user when a start message is dead-lettered before its workflow existed", async () => {
    const issued = await emulator.createInteractionToken({ userId: "4242", channelId: "77" });
    const workflowId = await workflowIdFor(env.DISCORD_APPLICATION_ID, issued.interactionId);
    const start: StartMessage = {
      workflowId,
      stage: 0,
      invocation: 1,
      start: {
        workflowId,
        name: "poison_flow",
        options: { input: "never started" },
        inputLabel: "never started",
        estimateMs: 1000,
        userId: "4242",
        guildId: null,
        channelId: "77",
        applicationId: env.DISCORD_APPLICATION_ID,
        interactionId: issued.interactionId,
        interactionToken: issued.token,
        receivedAt: Date.now() - 60_000,
      },
    };
    const batch = createMessageBatch("longflow-stages-dlq", [
      { id: "dead-start", timestamp: new Date(), attempts: 1, body: start },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["dead-start"]);
    expect(await trackerStub(env, workflowId).status()).toBeNull();
    const original = (await emulator.messages({ token: issued.token }))[0];
    expect(original?.content).toBe(startFailedText("en-US"));
  });
});
