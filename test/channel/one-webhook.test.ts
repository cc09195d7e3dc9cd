import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { channelOutbox } from "../../src/channel/outbox-client.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import { finalMessages } from "../helpers/sent-messages.ts";
import {
  type StartedWorkflow,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

// Long enough to be handed off: it yields a few times, reporting progress each time.
const flow = defineTestWorkflow("crowded_channel_flow", [
  { delayMs: 50, progressSteps: 2, yields: 2, yieldAfterMs: 1000 },
]);

const WORKFLOWS = 30;

describe("one channel, many workflows", () => {
  it("30 workflows handing off in one channel at once create one webhook and deliver once each", async () => {
    const channelId = freshId();
    const started: StartedWorkflow[] = [];
    // Concurrent starts: the harness hands out the new workflow ids in any order, which is fine
    // here, where only the set of workflows and tokens matters.
    for (let i = 0; i < WORKFLOWS; i += 10) {
      const batch = Array.from({ length: Math.min(10, WORKFLOWS - i) }, () =>
        startViaDiscord(flow, { channelId }),
      );
      started.push(...(await Promise.all(batch)));
    }
    // Every token dies at once: every tracker hands off to the channel now.
    await Promise.all(started.map((s) => emulator.expireToken(s.token)));
    const done = await Promise.all(
      started.map((s) =>
        waitForWorkflow(s.workflowId, (w) => w.deliveryState === "delivered", 60_000),
      ),
    );

    expect(done.every((w) => w.handoffRoute === "webhook")).toBe(true);
    const creations = (await emulator.requests(`/channels/${channelId}/webhooks`)).filter(
      (r) => r.method === "POST",
    );
    expect(creations.map((r) => r.status)).toEqual([200]);
    expect(await emulator.webhooks(channelId)).toHaveLength(1);
    expect((await channelOutbox(env, channelId).view()).created).toBe(1);
    // Each result exactly once: 30 final messages in the channel, none twice.
    const finals = finalMessages(await emulator.messages({ channelId }));
    expect(finals).toHaveLength(WORKFLOWS);
    expect(done.filter((w) => w.deliveryRoute === "webhook")).toHaveLength(WORKFLOWS);
  });
});

describe("a post repeated with the same key", () => {
  it("goes out once: concurrent and later repeats get the first answer", async () => {
    const channelId = freshId();
    const outbox = channelOutbox(env, channelId);
    const post = () =>
      outbox.send(channelId, {
        kind: "webhook_post",
        key: `${channelId}:handoff`,
        body: { content: `once ${channelId}` },
      });
    const [a, b] = await Promise.all([post(), post()]);
    const c = await post();
    expect(a.kind).toBe("sent");
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const executes = (await emulator.messages({ channelId })).filter((m) =>
      m.content.includes(`once ${channelId}`),
    );
    expect(executes).toHaveLength(1);
  });
});
