import { listDurableObjectIds, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { discordText } from "../../src/discord/render/localized-text.ts";
import { workflowIdFor } from "../../src/queue/start.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import { displayed } from "../helpers/markdown-hazards.ts";
import {
  commandData,
  interactionFrom,
  sendInteraction,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

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
      // A kind's untranslated text is shown as written: escaped, so the reader sees it literally.
      expect(displayed(body.data.content)).toMatch(/`input`/);
    }
    expect((await listDurableObjectIds(env.WORKFLOWS)).length).toBe(before);
  });

  it("defers only after the workflow is durable: the start message the reply waited for creates exactly one tracker, which runs the first stage on that message", async () => {
    const userId = freshId();
    const channelId = freshId();
    const guildId = freshId();
    const issued = await emulator.createInteractionToken({ channelId, guildId, userId });
    const known = new Set((await listDurableObjectIds(env.WORKFLOWS)).map((id) => id.toString()));
    const res = await sendInteraction(
      interactionFrom({ userId }, 2, commandData(quick.name, { input: "durable" }), {
        id: issued.interactionId,
        token: issued.token,
        guildId,
        channelId,
      }),
      [quick],
    );
    const repliedAt = Date.now();
    expect(await res.json()).toEqual({ type: 5, data: {} });
    // Only the consumer creates trackers, and only from a start message: the one it creates
    // carries this interaction, so the message the reply waited for held the whole start.
    const workflowId = await workflowIdFor(emulator.applicationId, issued.interactionId);
    let created: DurableObjectId[] = [];
    await vi.waitFor(
      async () => {
        created = (await listDurableObjectIds(env.WORKFLOWS)).filter(
          (id) => !known.has(id.toString()),
        );
        expect(created).toHaveLength(1);
      },
      { timeout: 30_000, interval: 20 },
    );
    const stub = env.WORKFLOWS.get(created[0] as DurableObjectId);
    const durable = await runInDurableObject(stub, (_instance, state) => ({
      workflow: state.storage.sql
        .exec("SELECT workflow_id, user_id, interaction_id, received_at FROM workflow")
        .toArray()[0],
      started: state.storage.sql
        .exec("SELECT at FROM events WHERE type = 'workflow_started'")
        .toArray(),
    }));
    expect(durable.workflow).toMatchObject({
      workflow_id: workflowId,
      user_id: userId,
      interaction_id: issued.interactionId,
    });
    expect(durable.workflow?.received_at as number).toBeLessThanOrEqual(repliedAt);
    expect(durable.started).toHaveLength(1);
    // The start message carried the first stage: its first invocation runs, never a re-drive.
    const done = await waitForWorkflow(workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    expect(stageRuns.filter((r) => r.workflowId === workflowId)).toHaveLength(1);
    const events = await trackerStub(env, workflowId).events(0);
    expect(events.some((e) => e.type === "stage_redriven")).toBe(false);
    // A short workflow is delivered on the first rung: the original response.
    expect(done.deliveryRoute).toBe("interaction");
    const original = (await emulator.messages({ token: issued.token }))[0];
    expect(original?.embeds?.length).toBe(1);
    expect(JSON.stringify(original?.embeds)).toContain(`workflow ${workflowId}`);
  });

  it("does not defer when the queue refuses the start message: the ack waits for the send", async () => {
    // A real refusal by the local queue: a message over its 128 KB limit (an absurd label).
    const oversized = defineTestWorkflow("oversized_start_flow", [{ delayMs: 10 }]);
    oversized.definition.describeInput = () => "x".repeat(130 * 1024);
    const res = await sendInteraction(
      interactionFrom({ userId: freshId() }, 2, commandData(oversized.name, { input: "big" })),
      [oversized],
    );
    const body = (await res.json()) as { type: number; data: { content: string; flags: number } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toBe(discordText("en-US")("interactions.startFailed"));
  });

  it("a short workflow gets no 'outlives the window' notice", async () => {
    const started = await startViaDiscord(quick);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const posts = (await emulator.requests(started.token)).filter((c) => c.method === "POST");
    expect(posts).toEqual([]);
  });
});
