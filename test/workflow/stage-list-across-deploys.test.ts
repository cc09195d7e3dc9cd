import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { untranslated } from "../../src/i18n/text-ref.ts";
import { findResult } from "../../src/results/result-index.ts";
import { loadStoredResult } from "../../src/results/result-store.ts";
import {
  continueLater,
  type JsonValue,
  type StageDefinition,
} from "../../src/workflow/definition.ts";
import { registerWorkflow, unregisterWorkflow } from "../../src/workflow/registry.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, recordStageRun, stageRuns } from "../support/test-workflow.ts";

// A deploy that changes a workflow kind's stages meets trackers started on the old list. In one
// workerd isolate "a deploy" is the registry changing under running trackers: each tracker keeps
// the stage list it started with and finishes on it, finding retired stages by name; a stage or
// kind that is gone ends the workflow as failed, with what finished stored and delivered.

const ranByName: { workflowId: string; name: string }[] = [];
/** The crawl stage yields until a test opens this gate, holding its workflow mid-list. */
const gate = { open: false };

function stage(name: string, index: number, holds = false): StageDefinition<JsonValue> {
  return {
    name,
    label: untranslated(`Doing ${name}`),
    async run(ctx, state) {
      recordStageRun(ctx, index, state);
      if (holds && !gate.open) return continueLater(((state as number) ?? 0) + 1, 100);
      ranByName.push({ workflowId: ctx.workflowId, name });
      return { by: name };
    },
  };
}

const flow = defineTestWorkflow("deploy_flow", [{}]);
const listA = [stage("fetch", 0), stage("crawl", 1, true), stage("report", 2)];
const listB = [stage("fetch", 0), stage("crawl_v2", 1), stage("summarise", 2), stage("report", 3)];

function deploy(
  stages: StageDefinition<JsonValue>[],
  retiredStages?: StageDefinition<JsonValue>[],
) {
  registerWorkflow({ ...flow.definition, stages, ...(retiredStages ? { retiredStages } : {}) });
}

function namesRunBy(workflowId: string): string[] {
  return ranByName.filter((run) => run.workflowId === workflowId).map((run) => run.name);
}

/** Starts a workflow on list A and waits until it sits in its held "crawl" stage. */
async function startHeldOnListA() {
  gate.open = false;
  deploy(listA);
  const started = await startViaDiscord(flow);
  await vi.waitFor(
    () => {
      const held = stageRuns.some(
        (run) => run.workflowId === started.workflowId && run.stage === 1,
      );
      if (!held) throw new Error("the crawl stage has not run yet");
    },
    { timeout: 30_000, interval: 20 },
  );
  return started;
}

async function storedResultOf(workflowId: string) {
  const row = await findResult(env.DB, workflowId);
  expect(row).not.toBeNull();
  return loadStoredResult(env.RESULTS, row?.r2_prefix ?? "");
}

afterEach(() => {
  gate.open = true;
  deploy(listA);
});

describe("a deploy that changes a workflow's stages", () => {
  it("lets a running workflow finish on the list it started with, and new ones run the new list", async () => {
    const old = await startHeldOnListA();
    deploy(listB, [listA[1] as StageDefinition<JsonValue>]);
    gate.open = true;
    const done = await waitForWorkflow(old.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    expect(done.stages.map((s) => s.name)).toEqual(["fetch", "crawl", "report"]);
    expect(namesRunBy(old.workflowId)).toEqual(["fetch", "crawl", "report"]);

    const fresh = await startViaDiscord(flow, { input: "after the deploy" });
    const freshDone = await waitForWorkflow(
      fresh.workflowId,
      (s) => s.deliveryState === "delivered",
    );
    expect(freshDone.status).toBe("completed");
    expect(namesRunBy(fresh.workflowId)).toEqual(["fetch", "crawl_v2", "summarise", "report"]);
  });

  it("ends a workflow whose next stage no longer exists as failed, saying why, with what finished stored", async () => {
    const old = await startHeldOnListA();
    deploy([stage("fetch", 0), stage("report", 1)]); // "crawl" removed, not retired
    const failed = await waitForWorkflow(old.workflowId, (s) => s.deliveryState === "delivered");
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain('stage "crawl" no longer exists');
    expect(namesRunBy(old.workflowId)).toEqual(["fetch"]);
    const stored = await storedResultOf(old.workflowId);
    expect(stored?.meta.status).toBe("failed");
    expect(JSON.stringify(stored?.result.data)).toContain('"by":"fetch"');
  });

  it("ends the running workflows of a kind the deploy removed as failed, never stuck", async () => {
    const old = await startHeldOnListA();
    unregisterWorkflow(flow.name);
    const failed = await waitForWorkflow(old.workflowId, (s) => s.deliveryState === "delivered");
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain('no longer runs "deploy_flow" workflows');
    const stored = await storedResultOf(old.workflowId);
    expect(stored?.meta.status).toBe("failed");
    // The kind's report builder is gone too: the raw outputs of what finished are kept.
    expect(stored?.result.markdown).toContain('"by": "fetch"');
  });
});
