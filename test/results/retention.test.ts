import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runMaintenance } from "../../src/cron/retention.ts";
import worker from "../../src/index.ts";
import { createLogger } from "../../src/log.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator } from "../helpers/emulator.ts";
import { editedOriginal, expectDeferredEphemeral } from "../helpers/file-reply.ts";
import {
  orphanResult,
  retrieveResults,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("retention_flow", [{ delayMs: 300, progressSteps: 2 }]);
const DAY = 86_400_000;
const log = createLogger({ test: "retention" });

async function seedOldResult(ageMs: number): Promise<string> {
  const id = crypto.randomUUID();
  const at = Date.now() - ageMs;
  await env.RESULTS.put(`results/${id}/result.json`, "{}");
  await env.RESULTS.put(`results/${id}/report.md`, "# old");
  await env.DB.prepare(
    `INSERT INTO results (workflow_id, command, input, user_id, status, summary, r2_prefix, size_bytes, created_at, completed_at, delivered_at, delivery_route)
     VALUES (?, 'retention_flow', 'x', 'u', 'completed', 's', ?, 10, ?, ?, ?, 'interaction')`,
  )
    .bind(id, `results/${id}/`, at, at, at)
    .run();
  return id;
}

async function resultRow(id: string) {
  return env.DB.prepare("SELECT * FROM results WHERE workflow_id = ?").bind(id).first<{
    delivered_at: number | null;
    tracker_cleared_at: number | null;
    redrive_attempts: number;
    delivery_route: string | null;
    owner_retrieved_at: number | null;
  }>();
}

describe("the hourly maintenance", () => {
  it("deletes results past RESULT_RETENTION_DAYS from R2 and D1 and keeps newer ones", async () => {
    const old = await seedOldResult(31 * DAY);
    const recent = await seedOldResult(29 * DAY);
    const report = await runMaintenance(env, Date.now(), log);
    expect(report.resultsDeleted).toBe(1);
    expect(await resultRow(old)).toBeNull();
    expect(await env.RESULTS.head(`results/${old}/report.md`)).toBeNull();
    expect(await env.RESULTS.head(`results/${old}/result.json`)).toBeNull();
    expect(await resultRow(recent)).not.toBeNull();
    expect(await env.RESULTS.head(`results/${recent}/report.md`)).not.toBeNull();
  });

  it("frees a delivered workflow's tracker storage after TRACKER_RETENTION_HOURS", async () => {
    const started = await startViaDiscord(flow);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    await runMaintenance(env, Date.now(), log);
    expect(await trackerStub(env, started.workflowId).status()).not.toBeNull();
    await runMaintenance(env, Date.now() + 25 * 3_600_000, log);
    expect(await trackerStub(env, started.workflowId).status()).toBeNull();
    expect((await resultRow(started.workflowId))?.tracker_cleared_at).not.toBeNull();
    // The result itself stays retrievable from R2 + D1, and the tracker's history beside it…
    expect(await env.RESULTS.head(`results/${started.workflowId}/report.md`)).not.toBeNull();
    expect(await env.RESULTS.head(`results/${started.workflowId}/history.json`)).not.toBeNull();
    // …until the result expires: then all of it goes.
    await runMaintenance(env, Date.now() + 31 * DAY, log);
    expect(await env.RESULTS.head(`results/${started.workflowId}/history.json`)).toBeNull();
    expect(await resultRow(started.workflowId)).toBeNull();
  });

  it("re-drives an orphaned result once its routes reopen, with bounded attempts", async () => {
    const started = await startViaDiscord(flow);
    await orphanResult(started);
    const { channelId } = started;

    // Still closed: the re-drive walks the ladder again, fails again, and backs off.
    const later = Date.now() + 10 * 60_000;
    expect((await runMaintenance(env, later, log)).redriven).toBe(1);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "orphaned");
    expect((await resultRow(started.workflowId))?.redrive_attempts).toBe(1);
    expect((await runMaintenance(env, later, log)).redriven).toBe(0); // backing off

    await emulator.clearFaults(`/channels/${channelId}/`);
    expect((await runMaintenance(env, later + 2 * 3_600_000, log)).redriven).toBe(1);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.deliveryRoute).toBe("webhook");
    await waitForWorkflow(started.workflowId, () => true);
    const row = await resultRow(started.workflowId);
    expect(row?.delivered_at).not.toBeNull();
    expect(row?.delivery_route).toBe("webhook");
  });

  it("repairs an index that missed a delivery instead of sending again", async () => {
    const started = await startViaDiscord(flow);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    await env.DB.prepare(
      "UPDATE results SET delivered_at = NULL, delivery_route = NULL WHERE workflow_id = ?",
    )
      .bind(started.workflowId)
      .run();
    const before = (await emulator.requests(started.token)).length;
    await runMaintenance(env, Date.now() + 10 * 60_000, log);
    expect((await resultRow(started.workflowId))?.delivery_route).toBe("interaction");
    expect((await emulator.requests(started.token)).length).toBe(before);
  });

  it("does not re-drive a result its owner already retrieved, and then frees its tracker", async () => {
    const started = await startViaDiscord(flow);
    await orphanResult(started);
    const { channelId } = started;
    const retrieval = await retrieveResults(started);
    await expectDeferredEphemeral(retrieval.response);
    const reply = await editedOriginal(retrieval.token);
    expect(JSON.stringify(reply.embeds)).toContain(`workflow ${started.workflowId}`);
    // The retrieval is recorded once Discord has the edit.
    await expect
      .poll(async () => (await resultRow(started.workflowId))?.owner_retrieved_at, {
        timeout: 10_000,
      })
      .not.toBeNull();
    // The routes reopen; a re-drive now would post the result a second time.
    await emulator.clearFaults(`/channels/${channelId}/`);
    const before = (await emulator.requests(`/channels/${channelId}/`)).length;
    const later = Date.now() + 10 * 60_000;
    expect((await runMaintenance(env, later, log)).redriven).toBe(0);
    expect((await trackerStub(env, started.workflowId).status())?.deliveryState).toBe("orphaned");
    expect((await emulator.requests(`/channels/${channelId}/`)).length).toBe(before);
    expect((await resultRow(started.workflowId))?.redrive_attempts).toBe(0);
    // Retrieved by its owner counts as received: the tracker's storage is freed on schedule.
    await runMaintenance(env, Date.now() + 25 * 3_600_000, log);
    expect((await resultRow(started.workflowId))?.tracker_cleared_at).not.toBeNull();
  });

  it("runs from the Worker's scheduled handler", async () => {
    const old = await seedOldResult(40 * DAY);
    const controller = createScheduledController({ scheduledTime: Date.now(), cron: "0 * * * *" });
    await worker.scheduled(controller, env);
    expect(await resultRow(old)).toBeNull();
  });
});
