import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { workflowIdFor } from "../../src/queue/start.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import {
  commandData,
  interactionFrom,
  sendInteraction,
  TEST_TOKEN_TTL_MS,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

// The first stage yields for a minute: the workflow holds its slot without holding the local
// queue's one consumer, so every start of a test is admitted while the earlier ones still run.
const slow = defineTestWorkflow("quota_flow", [{ yields: 1, yieldAfterMs: 60_000 }]);

type Reply = { type: number; data?: { content?: string; flags?: number } };
type Sent = { reply: Reply; token: string; workflowId: string; userId: string };

/** The slash command with a live token, so the deferred reply can later be edited. */
async function sendCommand(userId: string, guildId: string): Promise<Sent> {
  const channelId = freshId();
  const issued = await emulator.createInteractionToken({
    ttlMs: TEST_TOKEN_TTL_MS,
    channelId,
    guildId,
    userId,
  });
  const interaction = interactionFrom({ userId }, 2, commandData(slow.name, { input: "x" }), {
    id: issued.interactionId,
    token: issued.token,
    guildId,
    channelId,
  });
  const reply = (await (await sendInteraction(interaction, [slow])).json()) as Reply;
  const workflowId = await workflowIdFor(emulator.applicationId, issued.interactionId);
  return { reply, token: issued.token, workflowId, userId };
}

/**
 * The refusal once the consumer decided, or null (it runs): said to the user alone (an ephemeral
 * follow-up), with the channel's "thinking…" deleted.
 */
async function refusalOf(sent: Sent): Promise<string | null> {
  const messages = await emulator.messages({ token: sent.token });
  const refusal = messages.find((m) => m.content?.includes("nothing was started"));
  if (!refusal) return null;
  expect(refusal.flags & 64).toBe(64);
  return refusal.content;
}

/** Every start decided: either its first stage ran or its deferred reply became the refusal. */
async function decided(all: Sent[]): Promise<{ started: Sent[]; refused: Sent[] }> {
  let split = { started: [] as Sent[], refused: [] as Sent[] };
  await vi.waitFor(
    async () => {
      split = { started: [], refused: [] };
      for (const sent of all) {
        if (stageRuns.some((r) => r.workflowId === sent.workflowId)) split.started.push(sent);
        else if (await refusalOf(sent)) split.refused.push(sent);
      }
      expect(split.started.length + split.refused.length).toBe(all.length);
    },
    { timeout: 30_000, interval: 50 },
  );
  return split;
}

/** Cancels a run and waits until its result is delivered (its slot is given back by then). */
async function endRun(run: Sent): Promise<void> {
  expect(await trackerStub(env, run.workflowId).cancel(run.userId)).toEqual({ ok: true });
  await waitForWorkflow(run.workflowId, (s) => s.deliveryState === "delivered");
}

describe("quotas on running workflows (taken by the consumer, exact)", () => {
  it("five commands at the same instant: all deferred, exactly MAX_RUNNING_PER_USER (2) start, the others' reply becomes the refusal", async () => {
    const userId = freshId();
    const sent = await Promise.all(Array.from({ length: 5 }, () => sendCommand(userId, freshId())));
    // Durable before the ack: every command is answered "thinking…"; the quota is decided after.
    for (const { reply } of sent) expect(reply).toEqual({ type: 5, data: {} });
    const { started, refused } = await decided(sent);
    expect(started).toHaveLength(2);
    expect(refused).toHaveLength(3);
    for (const refusal of refused) {
      const content = (await refusalOf(refusal)) as string;
      // The channel's "thinking…" is gone: only the user's ephemeral refusal is left.
      await vi.waitFor(async () =>
        expect(await emulator.messages({ token: refusal.token })).toHaveLength(1),
      );
      expect(content).toContain("You already have 2 workflows running");
      expect(content).toContain("nothing was started");
      expect(content).toContain("/workflows");
      expect(content.match(/quota_flow/g)).toHaveLength(2); // lists the running two
      for (const run of started) expect(content).toContain(run.workflowId);
      // A refused start created no workflow: no stage ran, no result, no slot.
      expect(stageRuns.some((r) => r.workflowId === refusal.workflowId)).toBe(false);
    }
    const running = await env.DB.prepare(
      "SELECT workflow_id FROM running_workflows WHERE user_id = ?",
    )
      .bind(userId)
      .all<{ workflow_id: string }>();
    expect(running.results.map((r) => r.workflow_id).sort()).toEqual(
      started.map((s) => s.workflowId).sort(),
    );

    // Ending one frees its slot: the user can start again.
    await endRun(started[0] as Sent);
    const again = await sendCommand(userId, freshId());
    expect(again.reply.type).toBe(5);
    expect((await decided([again])).started).toHaveLength(1);
    for (const run of [started[1], again]) await endRun(run as Sent);
  });

  it("a guild is limited to MAX_RUNNING_PER_GUILD (10) across its members", async () => {
    const guildId = freshId();
    const sent = await Promise.all(
      Array.from({ length: 12 }, () => sendCommand(freshId(), guildId)),
    );
    expect(sent.every((s) => s.reply.type === 5)).toBe(true);
    const { started, refused } = await decided(sent);
    expect(started).toHaveLength(10);
    expect(refused).toHaveLength(2);
    for (const run of started) await endRun(run);
  });
});
