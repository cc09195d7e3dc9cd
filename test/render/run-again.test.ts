import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { rawText } from "../../src/discord/render/localized-text.ts";
import { renderText } from "../../src/i18n/text-ref.ts";
import { runAgainId } from "../../src/results/result-actions.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import { autointelWorkflow } from "../../src/workflows/autointel/definition.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import {
  pressButton,
  type StartedWorkflow,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("run_again_flow", [{ delayMs: 10 }]);

/** Presses a button under the result, with a live interaction token of its own. */
async function press(started: StartedWorkflow, userId: string, customId: string) {
  return (await pressButton(started, userId, customId, [flow])).reply;
}

describe("Run again", () => {
  it("starts the same command with the same options for the owner, through the normal start", async () => {
    const first = await startViaDiscord(flow, { input: "https://example.com/again" });
    await waitForWorkflow(first.workflowId, (s) => s.deliveryState === "delivered");
    const original = (await emulator.messages({ token: first.token }))[0];
    expect(JSON.stringify(original?.components)).toContain(runAgainId(first.workflowId));

    const before = new Set(stageRuns.map((run) => run.workflowId));
    const reply = await press(first, first.userId, runAgainId(first.workflowId));
    expect(reply.type).toBe(5);
    let againId = "";
    await vi.waitFor(
      () => {
        const run = stageRuns.find((r) => !before.has(r.workflowId));
        if (!run) throw new Error("the new run has not started");
        againId = run.workflowId;
      },
      { timeout: 10_000, interval: 20 },
    );
    const again = await trackerStub(env, againId).status();
    expect(again?.inputLabel).toBe("https://example.com/again");
    expect(again?.userId).toBe(first.userId);
  });

  it("refuses anyone but the owner, and a lighter run the workflow does not offer", async () => {
    const first = await startViaDiscord(flow, { input: "https://example.com/mine" });
    await waitForWorkflow(first.workflowId, (s) => s.deliveryState === "delivered");
    const stranger = await press(first, freshId(), runAgainId(first.workflowId));
    expect(stranger.type).toBe(4);
    expect(stranger.data?.flags).toBe(64);
    expect(stranger.data?.content).toContain("Only the person who started");
    const lighter = await press(first, first.userId, runAgainId(first.workflowId, "lighter"));
    expect(lighter.data?.content).toContain("no lighter run");
  });
});

describe("the shallower run /autointel suggests", () => {
  it("goes one depth down and stops at quick", () => {
    const url = "https://example.com/";
    const lighter = autointelWorkflow.lighterRun?.({ url, depth: "deep" });
    expect(lighter?.options).toEqual({ url, depth: "standard" });
    expect(lighter && renderText(rawText("en-US"), lighter.label)).toBe(
      "Run again at depth standard",
    );
    expect(autointelWorkflow.lighterRun?.({ url, depth: "standard" })?.options.depth).toBe("quick");
    expect(autointelWorkflow.lighterRun?.({ url, depth: "quick" })).toBeNull();
  });
});
