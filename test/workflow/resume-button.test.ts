import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { discordText } from "../../src/discord/render/localized-text.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator } from "../helpers/emulator.ts";
import {
  pressButton,
  type StartedWorkflow,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

// Three stages; the third fails on its first run only, so a retry can finish.
const flow = defineTestWorkflow("retry_flow", [
  { delayMs: 10, output: { pages: 57 } },
  { delayMs: 10, output: { links: 12 } },
  { delayMs: 10, fatalRuns: 1, output: { summary: "done" } },
]);

function buttonsOf(message: { components: unknown[] } | undefined): string[] {
  return (
    JSON.stringify(message?.components ?? [])
      .match(/"custom_id":"[^"]+"/g)
      ?.map((m) => m.slice(13, -1)) ?? []
  );
}

/** Presses a result button the way Discord would, with a live token for the new run's progress. */
function press(customId: string, started: StartedWorkflow, userId: string) {
  return pressButton(started, userId, customId, [flow]);
}

async function newRunAfter(known: Set<string>): Promise<string> {
  let id = "";
  await vi.waitFor(
    () => {
      const run = stageRuns.find((r) => !known.has(r.workflowId));
      if (!run) throw new Error("the new workflow has not run a stage yet");
      id = run.workflowId;
    },
    { timeout: 30_000, interval: 20 },
  );
  return id;
}

/** How many durations workflow_stage_duration_seconds holds for each of the flow's stages. */
async function stageDurationCounts(): Promise<number[]> {
  const { results } = await env.DB.prepare(
    "SELECT labels, SUM(count) AS n FROM histogram_buckets WHERE name = 'workflow_stage_duration_seconds' AND labels LIKE '%\"retry_flow\"%' GROUP BY labels ORDER BY labels",
  ).all<{ labels: string; n: number }>();
  return results.map((r) => r.n);
}

describe("Retry and Run again from Discord", () => {
  it("Retry resumes at the failed stage from the stored outputs, even after the tracker was purged", async () => {
    const started = await startViaDiscord(flow);
    const failed = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
    );
    expect(failed.status).toBe("failed");
    const delivered = (await emulator.messages({ token: started.token }))[0];
    expect(buttonsOf(delivered)).toContain(`retry:${started.workflowId}`);

    // Only the owner may retry; a stranger starts nothing.
    const known = new Set(stageRuns.map((r) => r.workflowId));
    const stranger = await press(`retry:${started.workflowId}`, started, "999999");
    expect(stranger.reply).toMatchObject({
      type: 4,
      data: { content: discordText("en-US")("interactions.rerun.notOwner") },
    });

    // A day later the tracker's storage is freed; its history stays in R2.
    expect(await trackerStub(env, started.workflowId).purge()).toEqual({ purged: true });
    const owner = await press(`retry:${started.workflowId}`, started, started.userId);
    expect(owner.reply).toEqual({ type: 5, data: {} });
    const retryId = await newRunAfter(known);
    const done = await waitForWorkflow(retryId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");

    // Stages 1 and 2 were not run again: only stage 3 ran in the new workflow.
    expect(stageRuns.filter((r) => r.workflowId === retryId).map((r) => r.stage)).toEqual([2]);
    expect(done.stages.map((s) => s.status)).toEqual(["done", "done", "done"]);
    const events = await trackerStub(env, retryId).events(0);
    expect(events.find((e) => e.type === "workflow_resumed")?.data).toEqual({
      from: started.workflowId,
      stage: 2,
    });
    expect(events.filter((e) => e.type === "stage_started").map((e) => e.data.stage)).toEqual([2]);
    // Each stage's duration is counted once, where it ran: the reused stages not again.
    await vi.waitFor(async () => expect(await stageDurationCounts()).toEqual([1, 1, 1]));
    // The report holds the reused outputs of the first run.
    const report = await (await env.RESULTS.get(`results/${retryId}/report.md`))?.text();
    expect(report).toContain('step1: {"pages":57}');
    expect(report).toContain('step2: {"links":12}');
    expect(report).toContain('step3: {"summary":"done"}');
    // A completed result offers Run again, which starts from the first stage.
    const result = (await emulator.messages({ token: owner.token })).at(-1);
    expect(buttonsOf(result)).toContain(`again:${retryId}`);

    const knownAgain = new Set(stageRuns.map((r) => r.workflowId));
    const again = await press(`again:${retryId}`, started, started.userId);
    expect(again.reply.type).toBe(5);
    const rerunId = await newRunAfter(knownAgain);
    const rerun = await waitForWorkflow(rerunId, (s) => s.deliveryState === "delivered");
    expect(rerun.status).toBe("completed");
    expect(stageRuns.filter((r) => r.workflowId === rerunId).map((r) => r.stage)).toEqual([
      0, 1, 2,
    ]);
  });

  it("counts a retry against the owner's quota", async () => {
    const started = await startViaDiscord(flow);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    await env.DB.prepare(
      "INSERT INTO running_workflows (workflow_id, user_id, command, input, started_at) VALUES (?, ?, 'x', 'x', ?), (?, ?, 'x', 'x', ?)",
    )
      .bind(
        crypto.randomUUID(),
        started.userId,
        Date.now(),
        crypto.randomUUID(),
        started.userId,
        Date.now(),
      )
      .run();
    const status = (await trackerStub(env, started.workflowId).status())?.status;
    const prefix = status === "completed" ? "again" : "retry";
    const pressed = await press(`${prefix}:${started.workflowId}`, started, started.userId);
    // Deferred at once; the consumer's quota statement refuses it and tells the owner alone
    // (an ephemeral follow-up; the deferred reply is deleted).
    expect(pressed.reply.type).toBe(5);
    await vi.waitFor(
      async () => {
        const original = (await emulator.messages({ token: pressed.token }))[0];
        expect(original?.content).toContain("You already have 2 workflows running");
        expect(original?.content).toContain("nothing was started");
        expect(original?.flags).toBe(64);
      },
      { timeout: 30_000, interval: 50 },
    );
  });
});
