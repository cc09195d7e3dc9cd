import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import { isSendRoute, sendsTouching, sentMessage } from "../helpers/sent-messages.ts";
import {
  clickCancel,
  commandData,
  interactionFrom,
  sendInteraction,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

// Outlives the 6-second token: start notice, both warnings, handoff to a channel webhook,
// progress edits there, the result through the webhook, then a /notify DM.
const longFlow = defineTestWorkflow(
  "mentions_long_flow",
  [
    { delayMs: 1500, progressSteps: 3 },
    { delayMs: 5000, progressSteps: 8 },
    { delayMs: 1000, progressSteps: 2 },
  ],
  { estimateMs: 8000 },
);
const cancelledFlow = defineTestWorkflow("mentions_cancelled_flow", [
  { delayMs: 4000, progressSteps: 8 },
]);

async function dmChannelOf(userId: string, since: number): Promise<string> {
  const opened = (await emulator.requests("/users/@me/channels", since)).find(
    (r) => (r.body as { recipient_id?: string } | null)?.recipient_id === userId,
  );
  return (opened?.response as { id?: string } | undefined)?.id ?? "";
}

describe("allowed_mentions", () => {
  it("is set on every message the bot sends, on every route, and pings only the owner", async () => {
    const since = (await emulator.requests()).at(-1)?.seq ?? 0;
    const userId = freshId();
    const notify = await sendInteraction(
      interactionFrom({ userId }, 2, commandData("notify", { state: "on" })),
    );
    expect(notify.status).toBe(200);

    const long = await startViaDiscord(longFlow, {
      input: "@everyone <@1> [x](https://e.x)",
      userId,
    });
    const cancelled = await startViaDiscord(cancelledFlow, { input: "cancel me", userId });
    await waitForWorkflow(cancelled.workflowId, (s) => s.stages[0]?.status === "running");
    expect((await clickCancel(cancelled, { userId })).status).toBe(200);
    await waitForWorkflow(cancelled.workflowId, (s) => s.deliveryState === "delivered");
    const done = await waitForWorkflow(long.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.handoffRoute).toBe("webhook");
    await vi.waitFor(
      async () => {
        const events = await trackerStub(env, long.workflowId).events(0);
        expect(events.some((e) => e.type === "notified")).toBe(true);
      },
      { timeout: 10_000, interval: 50 },
    );

    const messages = await emulator.messages({ channelId: long.channelId });
    const webhookId = messages.find((m) => m.source === "webhook")?.webhook_id ?? "";
    const dmChannel = await dmChannelOf(userId, since);
    expect(webhookId).not.toBe("");
    expect(dmChannel).not.toBe("");
    const ids = [long.token, cancelled.token, long.channelId, webhookId, dmChannel];
    const sends = await sendsTouching(ids, since);
    const routes = new Set(
      sends.map((r) => `${r.method} ${r.path.replace(/\d{5,}|[\w-]{40,}/g, ":id")}`),
    );
    // Every kind of send the bot makes is among them: follow-ups, edits of the original,
    // the handoff webhook post and its edits, and the DM.
    expect([...routes].sort()).toEqual(
      expect.arrayContaining([
        "PATCH /webhooks/:id/:id/messages/@original",
        "POST /webhooks/:id/:id",
        "PATCH /webhooks/:id/:id/messages/:id",
        "POST /channels/:id/messages",
      ]),
    );
    for (const send of sends) {
      expect(isSendRoute(send)).toBe(true);
      const mentions = sentMessage(send).allowed_mentions as
        | { parse?: string[]; users?: string[]; roles?: string[] }
        | undefined;
      expect(mentions, `${send.method} ${send.path}`).toBeDefined();
      expect(mentions?.parse ?? [], `${send.method} ${send.path}`).toEqual([]);
      expect(mentions?.roles ?? []).toEqual([]);
      for (const user of mentions?.users ?? []) expect(user).toBe(userId);
    }
  });
});
