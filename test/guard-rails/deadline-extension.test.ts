import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import type { WorkflowEvent } from "../../src/tracker/schema.ts";
import { emulator } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

// vitest.config.ts: extension 1.5 s, considered 1.2 s before the deadline, "progressing" = visible
// progress within the last 1 s, warnings 1 s and 0.4 s before the deadline.
const WINDOW_MS = 1000;
const STEP_MS = 1500;

/** Progress every 200 ms for 1.4 s, then the same report over and over: alive but stuck. */
const stalling = defineTestWorkflow(
  "deadline_stall_flow",
  [{ delayMs: 12_000, progressSteps: 60, stallAfterSteps: 7 }, { delayMs: 10 }],
  { softDeadlineMs: 2500 },
);
/** Progress all along, but its kind caps it at 2.8 s: the one extension is cut short. */
const capped = defineTestWorkflow(
  "deadline_cap_flow",
  [{ delayMs: 9000, progressSteps: 45 }, { delayMs: 10 }],
  { softDeadlineMs: 1500, deadlineCapMs: 2800 },
);

function ofType(events: WorkflowEvent[], type: string): WorkflowEvent[] {
  return events.filter((e) => e.type === type);
}

async function progressEdits(token: string): Promise<string[]> {
  return (await emulator.requests(token))
    .filter((r) => r.method === "PATCH")
    .map((r) => (r.body as { content?: string } | null)?.content ?? "");
}

describe("bounded, activity-based deadlines", () => {
  it("extends while progress continues, refuses once it stops, warns twice, delivers the partial result", async () => {
    const started = await startViaDiscord(stalling);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("timed_out");
    const events = await trackerStub(env, started.workflowId).events(0);

    const extended = ofType(events, "deadline_extended");
    expect(extended.length).toBeGreaterThanOrEqual(1);
    for (const event of extended) {
      const data = event.data as { from: number; to: number; stepMs: number };
      expect(data.stepMs).toBe(STEP_MS);
      expect(data.to - data.from).toBe(STEP_MS);
    }
    const refused = ofType(events, "deadline_not_extended");
    expect(refused).toHaveLength(1);
    expect(refused[0]?.data).toMatchObject({ reason: "no_progress" });
    expect(refused[0]?.data.idleMs as number).toBeGreaterThan(WINDOW_MS);
    expect(refused[0]?.seq).toBeGreaterThan(extended.at(-1)?.seq ?? 0);

    // Both warnings, in order, after the refusal and before the end.
    const warnings = ofType(events, "deadline_warning");
    expect(warnings.map((w) => (w.data as { index: number }).index)).toEqual([0, 1]);
    const timedOut = ofType(events, "workflow_timed_out")[0];
    expect(
      warnings.every((w) => w.seq > (refused[0]?.seq ?? 0) && w.seq < (timedOut?.seq ?? 0)),
    ).toBe(true);
    const last = extended.at(-1)?.data as { to: number };
    expect(timedOut?.at).toBeGreaterThanOrEqual(last.to);

    // The user saw each of them on the progress message.
    const edits = await progressEdits(started.token);
    expect(
      edits.some((c) =>
        /Still working \(Step 1\\: part \d+\/60\); given 2 sec more, until <t:\d+:t>\./.test(c),
      ),
    ).toBe(true);
    expect(edits.some((c) => c.includes("⏳ Time limit in 1 sec"))).toBe(true);
    expect(ofType(events, "delivered")).toHaveLength(1);
    expect(done.error).toContain("Press Retry to continue from the last completed stage");
    const row = await env.DB.prepare("SELECT status FROM results WHERE workflow_id = ?")
      .bind(started.workflowId)
      .first<{ status: string }>();
    expect(row?.status).toBe("timed_out");
  });

  it("never extends past the cap", async () => {
    const started = await startViaDiscord(capped);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("timed_out");
    const events = await trackerStub(env, started.workflowId).events(0);
    const extended = ofType(events, "deadline_extended");
    expect(extended).toHaveLength(1);
    const data = extended[0]?.data as { from: number; to: number; capAt: number };
    expect(data.to).toBe(data.capAt);
    expect(data.to - data.from).toBeLessThan(STEP_MS);
    expect(data.capAt - done.receivedAt).toBe(2800);
    expect(ofType(events, "deadline_not_extended").map((e) => e.data.reason)).toEqual(["cap"]);
    expect(done.error).toContain("Stopped at its 3 sec time limit");
    const edits = await progressEdits(started.token);
    expect(edits.some((c) => c.includes("(the most it can get)"))).toBe(true);
  });
});
