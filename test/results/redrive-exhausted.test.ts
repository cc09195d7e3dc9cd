// Once the cron's re-drives of an orphaned result are used up, its owner is told once (by DM)
// which command still gets it; a second run, or a result delivered meanwhile, sends nothing.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runMaintenance } from "../../src/cron/retention.ts";
import { createLogger } from "../../src/log.ts";
import { retentionSettings } from "../../src/results/retention-settings.ts";
import { emulator } from "../helpers/emulator.ts";
import { orphanResult, startViaDiscord } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("redrive_exhausted_flow", [{ delayMs: 300, progressSteps: 2 }]);
const log = createLogger({ test: "redrive-exhausted" });

/** The re-drives used up: as many attempts as allowed, the last one's backoff over. */
async function exhaustRedrives(workflowId: string): Promise<void> {
  await env.DB.prepare(
    "UPDATE results SET redrive_attempts = ?, next_redrive_at = ? WHERE workflow_id = ?",
  )
    .bind(retentionSettings(env).redriveMaxAttempts, Date.now() - 1, workflowId)
    .run();
}

async function noticesFor(workflowId: string): Promise<string[]> {
  return (await emulator.requests("/messages"))
    .filter((r) => r.method === "POST")
    .map((r) => (r.body as { content?: string } | null)?.content ?? "")
    .filter((content) => content.includes(workflowId) && content.includes("stopped retrying"));
}

describe("re-drives used up", () => {
  it("tells the owner once, by DM, with the /retrieve_results command", async () => {
    const started = await startViaDiscord(flow);
    await orphanResult(started);
    await exhaustRedrives(started.workflowId);
    // The owner has opened their DMs since; the channel stays closed.
    await emulator.clearFaults("/users/@me/channels");

    const first = await runMaintenance(env, Date.now(), log);
    expect(first.ownersTold).toBe(1);
    const notices = await noticesFor(started.workflowId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`/retrieve_results workflow_id:${started.workflowId}`);
    expect(notices[0]).toContain("kept for 30 days");

    const second = await runMaintenance(env, Date.now() + 3_600_000, log);
    expect(second.ownersTold).toBe(0);
    expect(await noticesFor(started.workflowId)).toHaveLength(1);
  });

  it("says nothing while a re-drive is still due, or once the result was delivered", async () => {
    const started = await startViaDiscord(flow);
    await orphanResult(started);
    await emulator.clearFaults("/users/@me/channels");
    // One attempt left: the re-drive, not the notice.
    await env.DB.prepare(
      "UPDATE results SET redrive_attempts = ?, next_redrive_at = ? WHERE workflow_id = ?",
    )
      .bind(
        retentionSettings(env).redriveMaxAttempts - 1,
        Date.now() + 3_600_000,
        started.workflowId,
      )
      .run();
    expect((await runMaintenance(env, Date.now(), log)).ownersTold).toBe(0);
    // Delivered after all (e.g. the last re-drive reached the DM): never told.
    await exhaustRedrives(started.workflowId);
    await env.DB.prepare("UPDATE results SET delivered_at = ? WHERE workflow_id = ?")
      .bind(Date.now(), started.workflowId)
      .run();
    expect((await runMaintenance(env, Date.now(), log)).ownersTold).toBe(0);
    expect(await noticesFor(started.workflowId)).toEqual([]);
  });
});
