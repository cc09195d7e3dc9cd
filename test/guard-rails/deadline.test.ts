import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { activeRuns, defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

describe("the workflow deadline", () => {
  it("ends a workflow mid-stage as timed out and delivers its partial result once", async () => {
    const flow = defineTestWorkflow(
      "deadline_flow",
      [
        { delayMs: 50, output: { found: 42 } },
        { delayMs: 4000, progressSteps: 40 },
        { delayMs: 10 },
      ],
      // The cap equals the soft deadline: still progressing, it cannot be extended.
      { softDeadlineMs: 1500, deadlineCapMs: 1500 },
    );
    const started = await startViaDiscord(flow);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("timed_out");
    expect(done.error).toContain('during "step2"');
    expect(done.stages.map((s) => s.status)).toEqual(["done", "running", "pending"]);

    const row = await env.DB.prepare("SELECT status, summary FROM results WHERE workflow_id = ?")
      .bind(started.workflowId)
      .first<{ status: string; summary: string }>();
    expect(row?.status).toBe("timed_out");
    const report = await (await env.RESULTS.get(`results/${started.workflowId}/report.md`))?.text();
    expect(report).toContain('step1: {"found":42}');

    const original = (await emulator.messages({ token: started.token }))[0];
    expect(JSON.stringify(original?.embeds)).toContain(" timed out");
    expect(JSON.stringify(original?.embeds)).toContain("what finished is attached");
    // The stage that was cut off sees its abort at its next heartbeat and stops; no later stage runs.
    await vi.waitFor(() => expect(activeRuns.count).toBe(0), { timeout: 10_000 });
    expect(stageRuns.some((r) => r.workflowId === started.workflowId && r.stage === 2)).toBe(false);
    const events = await trackerStub(env, started.workflowId).events(0);
    expect(events.filter((e) => e.type === "delivered")).toHaveLength(1);
    expect(events.filter((e) => e.type === "workflow_timed_out")).toHaveLength(1);
  });
});
