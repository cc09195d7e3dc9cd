import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { channelOutbox } from "../../src/channel/outbox-client.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator } from "../helpers/emulator.ts";
import { finalMessages } from "../helpers/sent-messages.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

// Each workflow loses its token right after it starts, so the ladder has to find another way.
const flow = defineTestWorkflow("ladder_flow", [
  { delayMs: 600, progressSteps: 3 },
  { delayMs: 300 },
]);

async function startWithDeadToken(
  faults: (ids: { channelId: string; userId: string }) => Promise<void> = async () => {},
) {
  const started = await startViaDiscord(flow);
  await faults(started);
  await emulator.expireToken(started.token);
  const done = await waitForWorkflow(
    started.workflowId,
    (s) => s.deliveryState === "delivered" || s.deliveryState === "orphaned",
  );
  return { started, done };
}

describe("the delivery ladder", () => {
  it("rung 2: a dead token sends the result through the bot's channel webhook", async () => {
    const { started, done } = await startWithDeadToken();
    expect(done.tokenDead).toBe(true);
    expect(done.deliveryRoute).toBe("webhook");
    const inChannel = await emulator.messages({ channelId: started.channelId });
    expect(finalMessages(inChannel)).toHaveLength(1);
    expect(finalMessages(inChannel)[0]?.source).toBe("webhook");
    expect(finalMessages(inChannel)[0]?.content).toContain(`<@${started.userId}>`);
  });

  it("rung 3: without Manage Webhooks, a bot message (with an enforced nonce) carries it", async () => {
    const { started, done } = await startWithDeadToken(({ channelId }) =>
      emulator
        .injectFault({
          match: `/channels/${channelId}/webhooks`,
          kind: "missing_permission",
          times: -1,
        })
        .then(() => {}),
    );
    expect(done.handoffRoute).toBe("channel");
    expect(done.deliveryRoute).toBe("channel");
    const finals = finalMessages(await emulator.messages({ channelId: started.channelId }));
    expect(finals).toHaveLength(1);
    expect(finals[0]?.source).toBe("bot");
  });

  it("rung 4: when the channel is closed to the bot, the result goes by DM", async () => {
    const { started, done } = await startWithDeadToken(async ({ channelId }) => {
      await emulator.injectFault({
        match: `/channels/${channelId}/webhooks`,
        kind: "missing_permission",
        times: -1,
      });
      await emulator.injectFault({
        match: `/channels/${channelId}/messages`,
        kind: "missing_access",
        times: -1,
      });
    });
    expect(done.handoffRoute).toBe("none");
    expect(done.deliveryRoute).toBe("dm");
    const dmOpen = (await emulator.requests("/users/@me/channels")).filter((r) =>
      JSON.stringify(r.body).includes(started.userId),
    );
    expect(dmOpen.length).toBeGreaterThan(0);
    const dmChannel = (dmOpen[0]?.response as { id?: string } | undefined)?.id ?? "";
    const finals = finalMessages(await emulator.messages({ channelId: dmChannel }));
    expect(finals).toHaveLength(1);
    expect(finals[0]?.source).toBe("dm");
  });

  it("rung 5: with every route closed the result stays orphaned, stored and retrievable", async () => {
    const { started, done } = await startWithDeadToken(async ({ channelId, userId }) => {
      await emulator.injectFault({
        match: `/channels/${channelId}/webhooks`,
        kind: "missing_permission",
        times: -1,
      });
      await emulator.injectFault({
        match: `/channels/${channelId}/messages`,
        kind: "missing_access",
        times: -1,
      });
      await emulator.injectFault({
        match: "/users/@me/channels",
        bodyMatch: userId,
        kind: "dm_closed",
        times: -1,
      });
    });
    expect(done.deliveryState).toBe("orphaned");
    const row = await env.DB.prepare(
      "SELECT delivered_at, status FROM results WHERE workflow_id = ?",
    )
      .bind(started.workflowId)
      .first<{ delivered_at: number | null; status: string }>();
    expect(row).toEqual({ delivered_at: null, status: "completed" });
    expect(await env.RESULTS.head(`results/${started.workflowId}/report.md`)).not.toBeNull();
    const events = await trackerStub(env, started.workflowId).events(0);
    expect(
      events.filter((e) => e.type === "delivery_rung_impossible").map((e) => e.data.route),
    ).toEqual(["interaction", "webhook", "channel", "dm"]);
  });

  it("a deleted channel webhook is forgotten and created again, once", async () => {
    const channelId = String(Date.now());
    const first = await startViaDiscord(flow, { channelId });
    await emulator.expireToken(first.token);
    await waitForWorkflow(first.workflowId, (s) => s.deliveryState === "delivered");
    // The channel's outbox owns the webhook; its token never leaves that object.
    const cached = { webhook_id: (await channelOutbox(env, channelId).view()).webhookId };
    expect(cached.webhook_id).not.toBeNull();
    await emulator.injectFault({
      match: `/webhooks/${cached?.webhook_id}/`,
      kind: "webhook_deleted",
      times: -1,
    });

    const second = await startViaDiscord(flow, { channelId });
    await emulator.expireToken(second.token);
    const done = await waitForWorkflow(second.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.deliveryRoute).toBe("webhook");
    const recreated = { webhook_id: (await channelOutbox(env, channelId).view()).webhookId };
    expect(recreated?.webhook_id).not.toBe(cached?.webhook_id);
    const creations = (await emulator.requests(`/channels/${channelId}/webhooks`)).filter(
      (r) => r.method === "POST",
    );
    expect(creations).toHaveLength(2);
  });

  it("transient failures retry the same rung instead of falling through", async () => {
    const started = await startViaDiscord(flow);
    await emulator.injectFault({
      match: `${started.token}/messages/@original`,
      method: "PATCH",
      kind: "server_error",
      status: 503,
      times: 3,
    });
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.deliveryRoute).toBe("interaction");
    const patches = (await emulator.requests(`${started.token}/messages/@original`)).filter(
      (r) => r.method === "PATCH",
    );
    expect(patches.filter((r) => r.status === 503)).toHaveLength(3);
    // One final message: the original response, edited; nothing fell through to the channel.
    const finals = finalMessages(await emulator.messages({ channelId: started.channelId }));
    expect(finals.map((m) => m.source)).toEqual(["interaction"]);
  });

  it("a result too large for embeds arrives as report.md and result.json attachments", async () => {
    const big = defineTestWorkflow("big_report_flow", [{ delayMs: 10 }], { reportChars: 20_000 });
    const started = await startViaDiscord(big);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.deliveryRoute).toBe("interaction");
    const original = (await emulator.messages({ token: started.token }))[0];
    expect(original?.attachments.map((a) => a.filename).sort()).toEqual([
      "report.md",
      "result.json",
    ]);
    expect(original?.attachments.find((a) => a.filename === "report.md")?.size).toBeGreaterThan(
      20_000,
    );
    expect(JSON.stringify(original?.embeds)).toContain("The full report is attached");
  });
});
