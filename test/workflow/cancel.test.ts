import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { type EmulatedMessage, emulator } from "../helpers/emulator.ts";
import { clickCancel, startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { activeRuns, defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

const slow = defineTestWorkflow("cancel_flow", [
  { delayMs: 10 },
  { delayMs: 4000, progressSteps: 20 },
  { delayMs: 10 },
]);

type Button = { custom_id?: string; disabled?: boolean; label?: string };

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

    // Discord sends the message the button sits on; the answer updates it in place (type 7).
    let progress: EmulatedMessage | undefined;
    await vi.waitFor(
      async () => {
        progress = (await emulator.messages({ token: started.token }))[0];
        expect(JSON.stringify(progress?.components)).toContain(`cancel:${started.workflowId}`);
      },
      { timeout: 10_000, interval: 50 },
    );
    const owner = await clickCancel(started, { userId: started.userId }, progress);
    const ok = (await owner.json()) as {
      type: number;
      data: { content: string; flags?: number; components: { components: Button[] }[] };
    };
    expect(ok.type).toBe(7);
    expect(ok.data.flags).toBeUndefined();
    expect(ok.data.content).toContain("Cancelling…");
    expect(ok.data.content.split("\n")[0]).toBe(progress?.content.split("\n")[0]);
    const cancel = ok.data.components[0]?.components.find((b) =>
      b.custom_id?.startsWith("cancel:"),
    );
    expect(cancel).toMatchObject({ disabled: true, label: "Cancelling…" });

    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("cancelled");
    // The running stage saw its AbortSignal at its next heartbeat; no later stage ran.
    await vi.waitFor(() => expect(activeRuns.count).toBe(0), { timeout: 10_000 });
    expect(stageRuns.some((r) => r.workflowId === started.workflowId && r.stage === 2)).toBe(false);
    // The result replaced the progress: no Cancel button left, Run again offered.
    const original = (await emulator.messages({ token: started.token }))[0];
    expect(JSON.stringify(original?.embeds)).toContain("was cancelled");
    expect(JSON.stringify(original?.components)).not.toContain("cancel:");
    expect(JSON.stringify(original?.components)).toContain(`again:${started.workflowId}`);

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
