import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { freshId } from "../helpers/emulator.ts";
import {
  commandData,
  interactionFrom,
  sendInteraction,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const slow = defineTestWorkflow("quota_flow", [{ delayMs: 1500, progressSteps: 3 }]);

function command(userId: string, guildId: string) {
  return interactionFrom({ userId }, 2, commandData(slow.name, { input: "x" }), { guildId });
}

type Reply = { type: number; data?: { content?: string; flags?: number } };

describe("quotas on running workflows", () => {
  it("five commands at the same instant: exactly MAX_RUNNING_PER_USER (2) start", async () => {
    const userId = freshId();
    const replies = await Promise.all(
      Array.from(
        { length: 5 },
        async () =>
          (await (await sendInteraction(command(userId, freshId()), [slow])).json()) as Reply,
      ),
    );
    const started = replies.filter((r) => r.type === 5);
    const refused = replies.filter((r) => r.type === 4);
    expect(started).toHaveLength(2);
    expect(refused).toHaveLength(3);
    for (const refusal of refused) {
      expect(refusal.data?.flags).toBe(64);
      expect(refusal.data?.content).toContain("nothing was started");
      expect(refusal.data?.content).toContain("/workflows");
      expect(refusal.data?.content?.match(/quota_flow/g)).toHaveLength(2); // lists the running two
    }
    const running = await env.DB.prepare(
      "SELECT workflow_id FROM running_workflows WHERE user_id = ?",
    )
      .bind(userId)
      .all<{ workflow_id: string }>();
    expect(running.results).toHaveLength(2);

    // Finishing frees the slots: the user can start again.
    for (const { workflow_id } of running.results)
      await waitForWorkflow(workflow_id, (s) => s.deliveryState === "delivered");
    const again = (await (
      await sendInteraction(command(userId, freshId()), [slow])
    ).json()) as Reply;
    expect(again.type).toBe(5);
  });

  it("a guild is limited to MAX_RUNNING_PER_GUILD (10) across its members", async () => {
    const guildId = freshId();
    const replies = await Promise.all(
      Array.from(
        { length: 12 },
        async () =>
          (await (await sendInteraction(command(freshId(), guildId), [slow])).json()) as Reply,
      ),
    );
    expect(replies.filter((r) => r.type === 5)).toHaveLength(10);
    expect(replies.filter((r) => r.type === 4)).toHaveLength(2);
    const running = await env.DB.prepare(
      "SELECT workflow_id FROM running_workflows WHERE guild_id = ?",
    )
      .bind(guildId)
      .all<{ workflow_id: string }>();
    for (const { workflow_id } of running.results) {
      await waitForWorkflow(workflow_id, (s) => s.deliveryState === "delivered", 60_000);
    }
  });
});
