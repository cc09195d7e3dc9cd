import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

// The token lives 6 s (usable for 5 s); this workflow runs about 9 s: a "20-minute" job.
const longFlow = defineTestWorkflow(
  "long_flow",
  [
    { delayMs: 1500, progressSteps: 5 },
    { delayMs: 3000, progressSteps: 10 },
    { delayMs: 3000, progressSteps: 10 },
    { delayMs: 1000, progressSteps: 4 },
  ],
  { estimateMs: 9000 },
);

describe("a workflow that outlives its interaction token", () => {
  it("completes, warns in order, hands progress over, and never uses the dead token", async () => {
    const started = await startViaDiscord(longFlow, { input: "https://example.com/long" });
    const final = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(final.status).toBe("completed");
    expect(final.tokenDead).toBe(false);
    expect(final.handoffRoute).toBe("webhook");
    // The token was past its usable deadline when the result came: the ladder went to the webhook.
    expect(final.deliveryRoute).toBe("webhook");

    const tokenPath = `/webhooks/${emulator.applicationId}/${started.token}`;
    const tokenCalls = await emulator.requests(started.token);
    expect(tokenCalls.length).toBeGreaterThan(0);
    for (const call of tokenCalls) {
      expect(call.path.startsWith(tokenPath)).toBe(true);
      expect(call.status, `${call.method} ${call.path} at ${call.at}`).toBeLessThan(400);
      expect(call.at).toBeLessThan(started.tokenExpiresAt);
    }

    // Warnings are ephemeral follow-ups on the token, sent in order while the workflow ran.
    const warnings = tokenCalls.filter(
      (c) =>
        c.method === "POST" &&
        JSON.stringify(c.body).includes("reply window for this command closes"),
    );
    expect(warnings).toHaveLength(2);
    const [first, second] = warnings;
    expect(first && second && first.at < second.at).toBe(true);
    expect(JSON.stringify(first?.body)).toContain('"flags":64');

    // The start notice: the estimate (9 s) exceeds LONG_WORKFLOW_NOTICE_SECONDS (4 s).
    expect(
      tokenCalls.some((c) =>
        JSON.stringify(c.body).includes("longer than Discord's 15-minute reply window"),
      ),
    ).toBe(true);

    // The handoff message (a channel webhook message) kept updating after the token died.
    const channelMessages = await emulator.messages({ channelId: started.channelId });
    const handoff = channelMessages.find((m) => m.source === "webhook");
    expect(handoff).toBeDefined();
    const editsAfterExpiry = (await emulator.requests(`/messages/${handoff?.id}`)).filter(
      (c) => c.method === "PATCH" && c.at > started.tokenExpiresAt,
    );
    expect(editsAfterExpiry.length).toBeGreaterThanOrEqual(2);
    // And finally became the result, with exactly one final message in the channel.
    const isResult = (m: { embeds: unknown[] }) => JSON.stringify(m.embeds).includes(" finished");
    expect(isResult(handoff as NonNullable<typeof handoff>)).toBe(true);
    expect(channelMessages.filter(isResult)).toHaveLength(1);

    const events = await trackerStub(env, started.workflowId).events(0);
    const types = events.map((e) => e.type);
    expect(types.indexOf("token_warning")).toBeLessThan(types.indexOf("handoff"));
    expect(types.filter((t) => t === "stage_completed")).toHaveLength(4);
    expect(types.at(-1)).toBe("delivered");
    expect(events.map((e) => e.seq)).toEqual([...events.keys()].map((i) => i + 1));
  });
});
