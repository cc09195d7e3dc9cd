import { listDurableObjectIds } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { sendInteraction, startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const quick = defineTestWorkflow("quick_flow", [{ delayMs: 10 }]);

function commandWith(options: unknown[]) {
  return {
    id: freshId(),
    application_id: emulator.applicationId,
    type: 2,
    token: `tok-${freshId()}`,
    version: 1,
    channel_id: freshId(),
    user: { id: freshId(), username: "u", discriminator: "0", global_name: null, avatar: null },
    data: { id: freshId(), name: quick.name, type: 1, options },
  };
}

describe("starting a workflow from a slash command", () => {
  it("rejects bad options with an ephemeral error that names the problem, starting nothing", async () => {
    const before = (await listDurableObjectIds(env.WORKFLOWS)).length;
    for (const options of [[], [{ name: "input", type: 3, value: "x".repeat(101) }]]) {
      const res = await sendInteraction(commandWith(options), [quick]);
      const body = (await res.json()) as { type: number; data: { content: string; flags: number } };
      expect(body.type).toBe(4);
      expect(body.data.flags).toBe(64);
      expect(body.data.content).toMatch(/`input`/);
    }
    expect((await listDurableObjectIds(env.WORKFLOWS)).length).toBe(before);
  });

  it("defers only after the workflow is durable: its tracker exists when the reply is returned", async () => {
    const started = await startViaDiscord(quick);
    expect(started.reply).toEqual({ type: 5, data: {} });
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    // A short workflow is delivered on the first rung: the original response.
    expect(done.deliveryRoute).toBe("interaction");
    const original = (await emulator.messages({ token: started.token }))[0];
    expect(original?.embeds?.length).toBe(1);
    expect(JSON.stringify(original?.embeds)).toContain(`workflow ${started.workflowId}`);
  });

  it("a short workflow gets no 'outlives the window' notice", async () => {
    const started = await startViaDiscord(quick);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const posts = (await emulator.requests(started.token)).filter((c) => c.method === "POST");
    expect(posts).toEqual([]);
  });
});
