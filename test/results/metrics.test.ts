import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { emulator } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const ok = defineTestWorkflow("metrics_ok_flow", [{ delayMs: 10 }]);
const broken = defineTestWorkflow("metrics_fatal_flow", [{ fatal: true }]);
const slow = defineTestWorkflow("metrics_slow_flow", [{ delayMs: 600, progressSteps: 3 }]);

function metrics(token?: string): Promise<Response> {
  return exports.default.fetch("http://bot.test/metrics", {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

describe("GET /metrics", () => {
  it("is refused without the bearer token or with a wrong one", async () => {
    expect((await metrics()).status).toBe(401);
    expect((await metrics("wrong")).status).toBe(401);
  });

  it("counts a scripted run: starts, ends by status, deliveries by route, dead tokens", async () => {
    const runs = [
      await startViaDiscord(ok),
      await startViaDiscord(ok),
      await startViaDiscord(broken),
    ];
    const dying = await startViaDiscord(slow);
    await emulator.expireToken(dying.token);
    for (const run of [...runs, dying])
      await waitForWorkflow(run.workflowId, (s) => s.deliveryState === "delivered");

    const res = await metrics("test-metrics-token");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain("# TYPE workflows_started_total counter");
    expect(text).toContain('workflows_started_total{workflow="metrics_ok_flow"} 2');
    expect(text).toContain('workflows_started_total{workflow="metrics_fatal_flow"} 1');
    expect(text).toContain('workflows_finished_total{status="completed"} 3');
    expect(text).toContain('workflows_finished_total{status="failed"} 1');
    expect(text).toContain('workflow_results_persisted_total{reason="completed"} 3');
    expect(text).toContain('deliveries_total{route="interaction"} 3');
    expect(text).toContain('deliveries_total{route="webhook"} 1');
    expect(text).toMatch(/discord_session_closed_total\{stage="flush"\} 1/);
    expect(text).toMatch(/discord_requests_total\{status="200"\} \d+/);
    expect(text).toMatch(/discord_requests_total\{status="401"\} 1\n/);
  });
});
