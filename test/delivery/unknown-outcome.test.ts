import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("unknown_outcome_flow", [{ delayMs: 400, progressSteps: 2 }]);

describe("a channel-webhook execute whose outcome is unknown", () => {
  it("is not repeated: the nonce-enforced bot message carries the workflow instead", async () => {
    const label = `unknown-${freshId()}`;
    // The first execute that carries this workflow's progress hangs until the client's timeout.
    await emulator.injectFault({
      match: "/webhooks/",
      method: "POST",
      bodyMatch: label,
      kind: "hang",
      times: 1,
    });
    const started = await startViaDiscord(flow, { input: label, ttlMs: 0 });
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const executes = (await emulator.requests("/webhooks/")).filter(
      (r) => r.method === "POST" && JSON.stringify(r.body).includes(label),
    );
    expect(executes).toHaveLength(1); // the hung one, never repeated
    expect(done.handoffRoute).toBe("channel");
    expect(done.deliveryRoute).toBe("channel");
    const posts = (await emulator.requests(`/channels/${started.channelId}/messages`)).filter(
      (r) => r.method === "POST",
    );
    expect(posts.every((r) => (r.body as { enforce_nonce?: boolean }).enforce_nonce)).toBe(true);
  });
});
