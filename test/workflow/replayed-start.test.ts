import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
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

const flow = defineTestWorkflow("replayed_start_flow", [{ delayMs: 300, progressSteps: 2 }]);

describe("a replayed interaction", () => {
  it("(same interaction id: a replay or a retried proxy POST) gets the same deferred reply and starts one workflow", async () => {
    const actor = { userId: freshId(), guildId: freshId(), channelId: freshId() };
    const issued = await emulator.createInteractionToken({ ttlMs: TEST_TOKEN_TTL_MS, ...actor });
    const input = `replay-${freshId()}`;
    const interaction = interactionFrom(
      { userId: actor.userId },
      2,
      commandData(flow.name, { input }),
      {
        id: issued.interactionId,
        token: issued.token,
        guildId: actor.guildId,
        channelId: actor.channelId,
      },
    );
    const first = await (await sendInteraction(interaction, [flow])).json();
    // At once (while it runs) and twice at the same instant.
    const again = await Promise.all(
      [1, 2].map(async () => (await sendInteraction(interaction, [flow])).json()),
    );
    expect(first).toMatchObject({ type: 5 });
    expect(again).toEqual([first, first]);
    const workflowId = await workflowIdFor(emulator.applicationId, issued.interactionId);
    const done = await waitForWorkflow(workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    // And once more after it finished: still nothing new.
    expect(await (await sendInteraction(interaction, [flow])).json()).toEqual(first);

    const rows = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM results WHERE input = ? OR workflow_id = ?",
    )
      .bind(input, workflowId)
      .first<{ n: number }>();
    expect(rows?.n).toBe(1);
    const running = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM running_workflows WHERE input = ?",
    )
      .bind(input)
      .first<{ n: number }>();
    expect(running?.n).toBe(0); // the late replay gave back the slot it took
    expect(stageRuns.filter((r) => r.workflowId === workflowId)).toHaveLength(1);
    const events = await trackerStub(env, workflowId).events(0);
    expect(events.filter((e) => e.type === "workflow_started")).toHaveLength(1);
    const finals = (await emulator.messages()).filter((m) =>
      JSON.stringify(m.embeds).includes(`workflow ${workflowId}`),
    );
    expect(finals).toHaveLength(1);
  });
});
