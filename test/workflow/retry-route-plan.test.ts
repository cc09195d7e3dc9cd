// Retry plans the new run's routes from the pressed button's interaction, as a slash command
// does: in a channel where the bot may neither post nor make webhooks, the retried run's result
// goes to the DM once the token is gone, without a webhook attempt (a 403 on real Discord).
import { describe, expect, it } from "vitest";
import { emulator } from "../helpers/emulator.ts";
import {
  type ButtonReply,
  interactionFrom,
  sendInteraction,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

const VIEW_ONLY = String(1 << 10);
const GUILD_INSTALL = { "0": "1", "1": "2" };
const CLOSED_CHANNEL = {
  app_permissions: VIEW_ONLY,
  context: 0,
  authorizing_integration_owners: GUILD_INSTALL,
};

// The second stage fails on its first run only; the retry runs it again, slowly enough for the
// test to end the retry's token while it runs.
const flow = defineTestWorkflow("retry_planned_flow", [
  { delayMs: 10 },
  { delayMs: 1500, fatalRuns: 1 },
]);

describe("Retry plans its routes like a new start", () => {
  it("a retried run in a closed channel delivers by DM and never tries the channel", async () => {
    const started = await startViaDiscord(flow, { interaction: CLOSED_CHANNEL });
    const failed = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
    );
    expect(failed.status).toBe("failed");

    const before = new Set(stageRuns.map((run) => run.workflowId));
    const issued = await emulator.createInteractionToken({
      channelId: started.channelId,
      guildId: started.guildId,
      userId: started.userId,
    });
    const press = {
      ...interactionFrom(
        { userId: started.userId },
        3,
        { custom_id: `retry:${started.workflowId}`, component_type: 2 },
        {
          id: issued.interactionId,
          token: issued.token,
          guildId: started.guildId,
          channelId: started.channelId,
        },
      ),
      ...CLOSED_CHANNEL,
    };
    const reply = (await (await sendInteraction(press, [flow])).json()) as ButtonReply;
    expect(reply.type).toBe(5);
    await expect
      .poll(() => stageRuns.find((run) => !before.has(run.workflowId))?.workflowId, {
        timeout: 30_000,
        interval: 20,
      })
      .toBeTruthy();
    const retryId = stageRuns.find((run) => !before.has(run.workflowId))?.workflowId ?? "";
    await emulator.expireToken(issued.token);

    const done = await waitForWorkflow(
      retryId,
      (s) => s.deliveryState === "delivered" || s.deliveryState === "orphaned",
    );
    expect(done.status).toBe("completed");
    expect(done.deliveryRoute).toBe("dm");
    expect(await emulator.requests(`/channels/${started.channelId}/webhooks`)).toEqual([]);
    const channelPosts = (
      await emulator.requests(`/channels/${started.channelId}/messages`)
    ).filter((request) => request.method === "POST");
    expect(channelPosts).toEqual([]);
  });
});
