// The Cancel button asks D1 before any tracker: a made-up (well-formed) id creates no Durable
// Object, and a finished workflow is answered from its result row.
import { listDurableObjectIds } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { clickCancel, startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const quick = defineTestWorkflow("cancel_known_flow", [{ delayMs: 10 }]);

async function trackerIds(): Promise<string[]> {
  return (await listDurableObjectIds(env.WORKFLOWS)).map((id) => id.toString());
}

function pressCancel(workflowId: string, userId: string) {
  return clickCancel(
    {
      workflowId,
      token: "",
      tokenExpiresAt: 0,
      channelId: "1",
      userId,
      guildId: "3",
      reply: { type: 5 },
    },
    { userId },
  );
}

describe("Cancel checks D1 first", () => {
  it("wakes no tracker for an id D1 does not know", async () => {
    const workflowId = crypto.randomUUID();
    const response = await pressCancel(workflowId, "2");
    const reply = (await response.json()) as { data: { content: string; flags: number } };
    expect(reply.data.content).toBe("⚠️ I can't find that workflow.");
    expect(reply.data.flags).toBe(64);
    expect(await trackerIds()).not.toContain(env.WORKFLOWS.idFromName(workflowId).toString());
  });

  it("answers a finished workflow from D1: already finished for its owner, refused to others", async () => {
    const started = await startViaDiscord(quick);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const owner = (await (await pressCancel(started.workflowId, started.userId)).json()) as {
      data: { content: string };
    };
    expect(owner.data.content).toBe("This workflow has already finished.");
    const stranger = (await (await pressCancel(started.workflowId, "999999")).json()) as {
      data: { content: string };
    };
    expect(stranger.data.content).toContain("Only the person who started");
  });
});
