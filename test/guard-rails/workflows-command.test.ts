import { describe, expect, it } from "vitest";
import { NOT_FOUND_TEXT } from "../../src/interactions/commands/retrieve-results.ts";
import { freshId } from "../helpers/emulator.ts";
import {
  clickCancel,
  interactionFrom,
  sendInteraction,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const quick = defineTestWorkflow("list_quick_flow", [{ delayMs: 10 }]);
const slow = defineTestWorkflow("list_slow_flow", [
  { delayMs: 10 },
  { delayMs: 5000, progressSteps: 50 },
]);

type Button = { custom_id: string; label: string; style: number };
type Reply = {
  type: number;
  data: { content: string; flags: number; components?: { components: Button[] }[] };
};

function asUser(userId: string, guildId: string, type: 2 | 3, data: Record<string, unknown>) {
  return interactionFrom({ userId }, type, data, { guildId });
}

describe("/workflows", () => {
  it("lists running and recent workflows with Cancel and Result buttons that only the owner may use", async () => {
    const userId = freshId();
    const finished = await startViaDiscord(quick, { userId, input: "done-input" });
    await waitForWorkflow(finished.workflowId, (s) => s.deliveryState === "delivered");
    const running = await startViaDiscord(slow, { userId, input: "busy-input" });
    await waitForWorkflow(running.workflowId, (s) => s.currentStage === 1);

    const res = await sendInteraction(
      asUser(userId, running.guildId, 2, { id: freshId(), name: "workflows", type: 1 }),
    );
    const reply = (await res.json()) as Reply;
    expect(reply.data.flags).toBe(64);
    const content = reply.data.content;
    expect(content).toMatch(
      /\*\*Running\*\*\n`1\.` \*\*list_slow_flow\*\* · `busy-input` · running · stage 2\/2 · \d+s elapsed · reply window \d+s left/,
    );
    expect(content).toMatch(
      /\*\*Recent\*\*\n`2\.` \*\*list_quick_flow\*\* · `done-input` · completed · delivered via interaction/,
    );
    const buttons = reply.data.components?.flatMap((row) => row.components) ?? [];
    expect(buttons.map((b) => [b.label, b.custom_id])).toEqual([
      ["Cancel 1", `cancel:${running.workflowId}`],
      ["Result 2", `retrieve:${finished.workflowId}`],
    ]);

    const strangerId = freshId();
    const strangerResult = (await (
      await sendInteraction(
        asUser(strangerId, finished.guildId, 3, {
          custom_id: `retrieve:${finished.workflowId}`,
          component_type: 2,
        }),
      )
    ).json()) as Reply;
    expect(strangerResult.data.content).toBe(NOT_FOUND_TEXT);
    const ownerResult = (await (
      await sendInteraction(
        asUser(userId, finished.guildId, 3, {
          custom_id: `retrieve:${finished.workflowId}`,
          component_type: 2,
        }),
      )
    ).json()) as Reply;
    expect(ownerResult.data.content).toContain("done-input");
    expect(ownerResult.data.flags).toBe(64);

    const strangerCancel = (await (
      await clickCancel(running, { userId: strangerId })
    ).json()) as Reply;
    expect(strangerCancel.data.content).toContain("Only the person who started");
    const ownerCancel = (await (await clickCancel(running, { userId })).json()) as Reply;
    expect(ownerCancel.data.content).toContain("Cancelling");
    const cancelled = await waitForWorkflow(
      running.workflowId,
      (s) => s.deliveryState === "delivered",
    );
    expect(cancelled.status).toBe("cancelled");
  });

  it("says so when there is nothing to show", async () => {
    const reply = (await (
      await sendInteraction(
        asUser(freshId(), freshId(), 2, { id: freshId(), name: "workflows", type: 1 }),
      )
    ).json()) as Reply;
    expect(reply.data.content).toBe("You have no running or recent workflows.");
  });
});
