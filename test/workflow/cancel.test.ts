import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { trackerStub } from "../../src/workflow/start.ts";
import { emulator } from "../helpers/emulator.ts";
import { clickCancel, startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { activeRuns, defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

const slow = defineTestWorkflow("cancel_flow", [
  { delayMs: 10 },
  { delayMs: 4000, progressSteps: 20 },
  { delayMs: 10 },
]);

describe("the Cancel button", () => {
  it("is refused to anyone but the owner, and stops the workflow for the owner", async () => {
    const started = await startViaDiscord(slow);
    await waitForWorkflow(started.workflowId, (s) => s.currentStage === 1);

    const stranger = await clickCancel(started, { userId: "999999" });
    const refusal = (await stranger.json()) as {
      type: number;
      data: { content: string; flags: number };
    };
    expect(refusal.data.flags).toBe(64);
    expect(refusal.data.content).toContain("Only the person who started");
    expect((await trackerStub(env, started.workflowId).status())?.status).toBe("running");

    const owner = await clickCancel(started, { userId: started.userId });
    const ok = (await owner.json()) as { data: { content: string; flags: number } };
    expect(ok.data.content).toContain("Cancelling");
    expect(ok.data.flags).toBe(64);

    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("cancelled");
    // The running stage saw its AbortSignal at its next heartbeat; no later stage ran.
    await vi.waitFor(() => expect(activeRuns.count).toBe(0), { timeout: 10_000 });
    expect(stageRuns.some((r) => r.workflowId === started.workflowId && r.stage === 2)).toBe(false);
    const original = (await emulator.messages({ token: started.token }))[0];
    expect(original?.content).toContain("cancelled");
    expect(original?.components ?? []).toEqual([]);

    const again = await clickCancel(started, { userId: started.userId });
    expect(((await again.json()) as { data: { content: string } }).data.content).toContain(
      "already finished",
    );
  });

  it("a button for an unknown workflow gets a clear answer", async () => {
    const res = await clickCancel(
      {
        workflowId: crypto.randomUUID(),
        token: "",
        tokenExpiresAt: 0,
        channelId: "1",
        userId: "2",
        guildId: "3",
        reply: { type: 5 },
      },
      { userId: "2" },
    );
    expect(((await res.json()) as { data: { content: string } }).data.content).toContain(
      "can't find that workflow",
    );
  });
});
