import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { emulator } from "../helpers/emulator.ts";
import {
  clickCancel,
  orphanResult,
  retrieveResults,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const ok = defineTestWorkflow("metrics_ok_flow", [{ delayMs: 10 }]);
const broken = defineTestWorkflow("metrics_fatal_flow", [{ fatal: true }]);
const slow = defineTestWorkflow("metrics_slow_flow", [{ delayMs: 600, progressSteps: 3 }]);
/** Outlives the 6 s token: Discord's normal expiry, during step2. */
const long = defineTestWorkflow("metrics_long_flow", [
  { delayMs: 10 },
  // Three invocations of 2.7 s (it yields twice): one stage of over 8 s within 5 s budgets.
  { delayMs: 2700, progressSteps: 9, yields: 2 },
]);
const ladder = defineTestWorkflow("metrics_ladder_flow", [{ delayMs: 300, progressSteps: 2 }]);
const timeout = defineTestWorkflow("metrics_timeout_flow", [{ delayMs: 3000, progressSteps: 15 }], {
  softDeadlineMs: 400,
  deadlineCapMs: 400,
});
const cancel = defineTestWorkflow("metrics_cancel_flow", [{ delayMs: 3000, progressSteps: 15 }]);
const orphan = defineTestWorkflow("metrics_orphan_flow", [{ delayMs: 300, progressSteps: 2 }]);

function metrics(token?: string): Promise<Response> {
  return exports.default.fetch("http://bot.test/metrics", {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

async function scrape(): Promise<string> {
  const res = await metrics("test-metrics-token");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? Number.NaN : Number(line.slice(series.length + 1));
}

function sumOf(text: string, prefix: string): number {
  return text
    .split("\n")
    .filter((l) => l.startsWith(prefix))
    .reduce((total, l) => total + Number(l.split(" ").at(-1)), 0);
}

describe("GET /metrics", () => {
  it("is refused without the bearer token or with a wrong one", async () => {
    expect((await metrics()).status).toBe(401);
    expect((await metrics("wrong")).status).toBe(401);
  });

  it("counts a scripted run: every end of a session, why results were persisted, gauges, histograms", async () => {
    const runs = [
      await startViaDiscord(ok),
      await startViaDiscord(ok),
      await startViaDiscord(broken),
    ];
    const dying = await startViaDiscord(slow);
    await emulator.expireToken(dying.token);
    const laddered = await startViaDiscord(ladder);
    // The result's edit of @original (it carries embeds; progress edits do not) finds the token dead.
    await emulator.injectFault({
      match: laddered.token,
      bodyMatch: "embeds",
      kind: "token_expired",
      times: 1,
    });
    const timedOut = await startViaDiscord(timeout);
    const cancelled = await startViaDiscord(cancel);
    expect((await clickCancel(cancelled, { userId: cancelled.userId })).status).toBe(200);
    // Last: locally one batch runs at a time, and its long stage would hold the others back.
    const outliving = await startViaDiscord(long);

    // While the long one runs, the gauge counts it.
    await waitForWorkflow(outliving.workflowId, (s) => s.currentStage === 1);
    expect(sample(await scrape(), "workflows_running")).toBeGreaterThanOrEqual(1);

    const all = [...runs, dying, outliving, laddered, timedOut, cancelled];
    for (const run of all)
      await waitForWorkflow(run.workflowId, (s) => s.deliveryState === "delivered");

    // Counters and histograms are written beside the work, not before it: the last ones land
    // just after the last delivery.
    await expect
      .poll(async () => sumOf(await scrape(), "workflow_end_to_final_message_seconds_count{"))
      .toBe(all.length);
    const text = await scrape();
    expect(text).toContain("# TYPE workflows_started_total counter");
    expect(text).toContain('workflows_started_total{workflow="metrics_ok_flow"} 2');
    expect(text).toContain('workflows_started_total{workflow="metrics_fatal_flow"} 1');
    expect(text).toContain('workflows_finished_total{status="completed"} 5');
    expect(text).toContain('workflows_finished_total{status="failed"} 1');

    // Every token end while running, by the workflow's stage: an early death found by a progress
    // edit, Discord's normal expiry, and one found by the delivery ladder after the work was done.
    expect(text).toContain('discord_session_closed_total{stage="step1"} 1');
    expect(text).toContain('discord_session_closed_total{stage="step2"} 1');
    expect(text).toContain('discord_session_closed_total{stage="delivery"} 1');
    expect(sumOf(text, "discord_session_closed_total{")).toBe(3);

    // Why each result was persisted.
    expect(text).toContain('workflow_results_persisted_total{reason="completed"} 3');
    expect(text).toContain('workflow_results_persisted_total{reason="session_closed"} 2');
    expect(text).toContain('workflow_results_persisted_total{reason="failed"} 1');
    expect(text).toContain('workflow_results_persisted_total{reason="timed_out"} 1');
    expect(text).toContain('workflow_results_persisted_total{reason="cancelled"} 1');

    expect(text).toMatch(/discord_requests_total\{status="200"\} \d+/);
    expect(text).toMatch(/discord_requests_total\{status="401"\} 2\n/);

    // Gauges: nothing runs or waits any more.
    expect(text).toContain("# TYPE workflows_running gauge");
    expect(sample(text, "workflows_running")).toBe(0);
    expect(text).toContain("# TYPE workflow_oldest_waiting_stage_seconds gauge");
    expect(sample(text, "workflow_oldest_waiting_stage_seconds")).toBe(0);

    // Histograms, cumulative, with +Inf equal to the count.
    expect(text).toContain("# TYPE workflow_stage_duration_seconds histogram");
    const okStage = 'workflow="metrics_ok_flow",stage="step1"';
    expect(sample(text, `workflow_stage_duration_seconds_count{${okStage}}`)).toBe(2);
    expect(sample(text, `workflow_stage_duration_seconds_bucket{${okStage},le="+Inf"}`)).toBe(2);
    expect(sample(text, `workflow_stage_duration_seconds_bucket{${okStage},le="0.1"}`)).toBe(2);
    const longStage = 'workflow="metrics_long_flow",stage="step2"';
    expect(sample(text, `workflow_stage_duration_seconds_bucket{${longStage},le="5"}`)).toBe(0);
    expect(sample(text, `workflow_stage_duration_seconds_bucket{${longStage},le="10"}`)).toBe(1);
    expect(sample(text, `workflow_stage_duration_seconds_sum{${longStage}}`)).toBeGreaterThan(7.9);
    expect(
      sample(text, 'workflow_time_to_first_progress_seconds_count{workflow="metrics_ok_flow"}'),
    ).toBe(2);
    expect(sumOf(text, "workflow_time_to_first_progress_seconds_count{")).toBe(all.length);
    expect(sumOf(text, "workflow_end_to_final_message_seconds_count{")).toBe(all.length);
    expect(
      sample(text, 'workflow_end_to_final_message_seconds_count{route="interaction"}'),
    ).toBeGreaterThanOrEqual(4);
  });

  it("counts an orphaned result retrieved by its owner", async () => {
    const started = await startViaDiscord(orphan);
    await orphanResult(started);
    await retrieveResults(started);
    await expect
      .poll(async () => sample(await scrape(), 'orphaned_results_retrieved_total{success="true"}'))
      .toBe(1);
  });
});
