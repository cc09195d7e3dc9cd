import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ANY_ROUTE } from "../../src/delivery/route-plan.ts";
import { type DeliveryTarget, tryRung } from "../../src/delivery/rungs.ts";
import { createDiscordClient } from "../../src/discord/create-client.ts";
import { createLogger } from "../../src/log.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import { Timer } from "../../src/tracker/timer-names.ts";
import type { WorkflowTracker } from "../../src/tracker/workflow-tracker.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const deps = () => ({
  discord: createDiscordClient(env),
  env,
  log: createLogger({ test: "exactly-once" }),
});

describe("exactly one final message", () => {
  it("a channel send repeated after a crash returns the first message (enforced nonce)", async () => {
    const channelId = freshId();
    const target: DeliveryTarget = {
      workflowId: crypto.randomUUID(),
      applicationId: emulator.applicationId,
      interactionToken: "dead",
      tokenUsable: false,
      userId: freshId(),
      channelId,
      handoff: { route: "none" },
      plan: ANY_ROUTE,
    };
    const body = { content: "✅ result" };
    const first = await tryRung("channel", target, body, deps());
    // The crash: Discord posted, the tracker never recorded it, and the rung runs again.
    const replay = await tryRung("channel", target, body, deps());
    expect(first.kind).toBe("delivered");
    expect(replay).toEqual(first);
    expect(await emulator.messages({ channelId })).toHaveLength(1);
  });

  it("a tracker that lost its delivery record re-sends on the same rung without a second message", async () => {
    const flow = defineTestWorkflow("crash_record_flow", [{ delayMs: 400, progressSteps: 2 }]);
    const started = await startViaDiscord(flow);
    await emulator.injectFault({
      match: `/channels/${started.channelId}/`,
      kind: "missing_permission",
      times: -1,
    });
    await emulator.expireToken(started.token);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.deliveryRoute).toBe("dm");

    const stub = env.WORKFLOWS.get(env.WORKFLOWS.idFromName(started.workflowId));
    await runInDurableObject(stub, (_instance: WorkflowTracker, state) => {
      // As if the process died between Discord's answer and the write that records it.
      state.storage.sql.exec(
        "UPDATE workflow SET delivery_state = 'pending', delivered_message_id = NULL",
      );
      state.storage.sql.exec(
        "INSERT OR REPLACE INTO timers (name, due_at, attempts) VALUES (?, ?, 0)",
        Timer.deliver,
        Date.now(),
      );
    });
    // The process that died took the object's memory with it: what runs next reads storage.
    await evictDurableObject(stub);
    // No alarm was armed for that timer: the next call into the tracker repairs it.
    await trackerStub(env, started.workflowId).status();
    const again = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(again.deliveryRoute).toBe("dm");

    const dmPosts = (await emulator.requests("/messages")).filter(
      (r) =>
        r.method === "POST" &&
        r.status < 300 &&
        !r.path.includes(started.channelId) &&
        JSON.stringify(r.body).includes(started.workflowId),
    );
    expect(dmPosts).toHaveLength(2); // sent twice…
    const dmChannel =
      (dmPosts[0]?.response as { channel_id?: string } | undefined)?.channel_id ?? "";
    const finals = (await emulator.messages({ channelId: dmChannel })).filter(
      (m) =>
        m.content.includes(started.workflowId) ||
        JSON.stringify(m.embeds).includes(started.workflowId),
    );
    expect(finals).toHaveLength(1); // …one message.
  });
});
