// A tracker whose start was refused a quota slot never held a workflow: once the refusal is no
// longer needed (the start's token has died) it deletes its storage, and a later start of the same
// id still works from a fresh object. A tracker purged by retention frees all of it the same way.
import { listDurableObjectIds, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { StartWorkflowInput } from "../../src/tracker/api.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("refused_storage_flow", [{ delayMs: 10 }]);

function startInput(workflowId: string): StartWorkflowInput {
  return {
    workflowId,
    name: flow.name,
    options: { input: "x" },
    inputLabel: "x",
    estimateMs: 1000,
    softDeadlineMs: null,
    deadlineCapMs: null,
    userId: "41",
    guildId: "42",
    channelId: "43",
    applicationId: "44",
    interactionId: "45",
    interactionToken: "tok",
    receivedAt: Date.now(),
  };
}

async function hasStorage(workflowId: string): Promise<boolean> {
  const id = env.WORKFLOWS.idFromName(workflowId).toString();
  return (await listDurableObjectIds(env.WORKFLOWS)).some((known) => known.toString() === id);
}

/** What the object holds: its SQLite tables, its keys and its alarm. */
function storedIn(workflowId: string) {
  const stub = env.WORKFLOWS.get(env.WORKFLOWS.idFromName(workflowId));
  return runInDurableObject(stub, async (_instance, state) => ({
    tables: state.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table'").toArray()
      .length,
    keys: (await state.storage.list()).size,
    alarm: await state.storage.getAlarm(),
  }));
}

describe("a refused start's tracker", () => {
  it("deletes its storage when its refusal alarm fires", async () => {
    const workflowId = crypto.randomUUID();
    const tracker = trackerStub(env, workflowId);
    const refused = await tracker.start({
      input: startInput(workflowId),
      quotaRefused: true,
      claim: null,
    });
    expect(refused).toEqual({ outcome: "refused" });
    expect(await hasStorage(workflowId)).toBe(true);
    // A replay before the alarm is still refused.
    expect(
      await tracker.start({ input: startInput(workflowId), quotaRefused: false, claim: null }),
    ).toEqual({
      outcome: "refused",
    });

    const stub = env.WORKFLOWS.get(env.WORKFLOWS.idFromName(workflowId));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await storedIn(workflowId)).toEqual({ tables: 0, keys: 0, alarm: null });
    // Nothing is armed again: the object stays deleted.
    expect(await runDurableObjectAlarm(stub)).toBe(false);
    // A late start of the same id (a replay after the token died) finds a working tracker.
    const late = await tracker.start({
      input: startInput(workflowId),
      quotaRefused: false,
      claim: null,
    });
    expect(late.outcome).toBe("created");
  });

  it("a purged tracker (retention) frees its whole storage too", async () => {
    const workflowId = crypto.randomUUID();
    const tracker = trackerStub(env, workflowId);
    await tracker.start({ input: startInput(workflowId), quotaRefused: false, claim: null });
    await tracker.cancel("41");
    expect((await storedIn(workflowId)).tables).toBeGreaterThan(0);
    expect(await tracker.purge()).toEqual({ purged: true });
    expect(await storedIn(workflowId)).toEqual({ tables: 0, keys: 0, alarm: null });
    // Its history stays in R2 for Retry and the live view.
    expect(await env.RESULTS.head(`results/${workflowId}/history.json`)).not.toBeNull();
  });
});
