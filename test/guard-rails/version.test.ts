import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

// Three stages: the deploy lands during the second, so the workflow is still running when the
// next event finds the change (the final event would leave no progress message to tell).
const flow = defineTestWorkflow("version_flow", [
  { delayMs: 400, progressSteps: 2 },
  { delayMs: 400, progressSteps: 2 },
  { delayMs: 600, progressSteps: 3 },
]);

describe("version awareness", () => {
  it("records the Worker version on every event and the change when a deploy lands mid-run", async () => {
    const current = env.CF_VERSION_METADATA.id;
    expect(current).toBeTruthy();
    const started = await startViaDiscord(flow);
    await waitForWorkflow(started.workflowId, (s) => s.currentStage === 1);
    // As if the events so far were written by the version before a deploy.
    const stub = env.WORKFLOWS.get(env.WORKFLOWS.idFromName(started.workflowId));
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec("UPDATE events SET version = 'v-before-deploy'");
    });
    // A deploy resets the object (calls in flight fail and are retried) and starts it afresh on
    // the new code, which reads its storage.
    await expect(
      runInDurableObject(stub, (_instance, state) => state.abort("deployed")),
    ).rejects.toThrow("deployed");
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const events = await trackerStub(env, started.workflowId).events(0);
    const changes = events.filter((e) => e.type === "version_changed");
    expect(changes).toHaveLength(1);
    expect(changes[0]?.data).toEqual({ from: "v-before-deploy", to: current });
    const after = events.slice(events.indexOf(changes[0] as (typeof events)[number]));
    expect(after.every((e) => e.version === current)).toBe(true);
    expect(events.at(-1)?.type).toBe("delivered");
    // The user is told on the progress message, not only in the log.
    const edits = (await emulator.requests(started.token))
      .filter((r) => r.method === "PATCH")
      .map((r) => (r.body as { content?: string } | null)?.content ?? "");
    expect(edits.some((c) => c.includes("🔄 Resumed after an update"))).toBe(true);
  });
});
