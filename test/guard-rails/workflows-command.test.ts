import { describe, expect, it } from "vitest";
import { NOT_FOUND_TEXT } from "../../src/file-replies/retrieve-results-reply.ts";
import { freshId } from "../helpers/emulator.ts";
import { editedOriginal, expectDeferredEphemeral, withReplyToken } from "../helpers/file-reply.ts";
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

type Button = { custom_id: string; label: string; style: number; disabled?: boolean };
type Select = {
  type: number;
  custom_id: string;
  options: { label: string; value: string; description?: string }[];
};
type Reply = {
  type: number;
  data: { content: string; flags: number; components?: { components: Button[] }[] };
};

function asUser(userId: string, guildId: string, type: 2 | 3, data: Record<string, unknown>) {
  return interactionFrom({ userId }, type, data, { guildId });
}

describe("/workflows", () => {
  it("lists running and recent workflows; a select menu picks one, then offers its actions to the owner", async () => {
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
      /\*\*Running\*\*\n• \*\*list_slow_flow\*\* · `busy-input` · stage 2\/2 · \d+ sec elapsed · reply window \d+ sec left/,
    );
    expect(content).toMatch(
      /\*\*Recent\*\*\n• \*\*list_quick_flow\*\* · `done-input` · completed · delivered via interaction/,
    );
    // One select menu picks a workflow; no numbered buttons.
    const select = reply.data.components?.[0]?.components[0] as unknown as Select;
    expect(select.type).toBe(3);
    expect(select.custom_id).toBe("workflows:pick");
    expect(select.options.map((o) => o.value)).toEqual([running.workflowId, finished.workflowId]);
    expect(select.options[0]?.description).toMatch(/^running · stage 2\/2/);

    const pick = (userIdPicking: string, workflowId: string) =>
      sendInteraction(
        asUser(userIdPicking, running.guildId, 3, {
          custom_id: "workflows:pick",
          component_type: 3,
          values: [workflowId],
        }),
      ).then((r) => r.json() as Promise<Reply>);
    const pickedFinished = await pick(userId, finished.workflowId);
    expect(pickedFinished.type).toBe(7);
    const finishedButtons = pickedFinished.data.components?.[1]?.components ?? [];
    expect(finishedButtons.map((b) => [b.label, b.custom_id])).toEqual([
      ["Show result", `retrieve:${finished.workflowId}`],
      ["Run again", `again:${finished.workflowId}`],
    ]);
    const pickedRunning = await pick(userId, running.workflowId);
    expect(pickedRunning.data.content).toContain("`busy-input`");
    expect(pickedRunning.data.components?.[1]?.components.map((b) => b.custom_id)).toEqual([
      `cancel:${running.workflowId}`,
    ]);
    // Someone else's workflow is not in their list: nothing about it is shown.
    const forged = await pick(freshId(), running.workflowId);
    expect(forged.type).toBe(4);
    expect(forged.data.content).toContain("no longer in your list");

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
    const ownerPress = await withReplyToken(
      asUser(userId, finished.guildId, 3, {
        custom_id: `retrieve:${finished.workflowId}`,
        component_type: 2,
      }),
    );
    await expectDeferredEphemeral(await sendInteraction(ownerPress.body));
    const ownerResult = await editedOriginal(ownerPress.token);
    expect(JSON.stringify(ownerResult.embeds)).toContain("done-input");
    expect(ownerResult.flags & 64).toBe(64);

    const strangerCancel = (await (
      await clickCancel(running, { userId: strangerId })
    ).json()) as Reply;
    expect(strangerCancel.data.content).toContain("Only the person who started");
    const ownerCancel = (await (
      await clickCancel(running, { userId }, pickedRunning.data)
    ).json()) as Reply;
    expect(ownerCancel.type).toBe(7);
    expect(ownerCancel.data.content).toContain("Cancelling");
    expect(ownerCancel.data.components?.[1]?.components[0]).toMatchObject({ disabled: true });
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
