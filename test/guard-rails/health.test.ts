import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { botGateStub } from "../../src/gate/gate-client.ts";
import { detailedHealth } from "../../src/http/health.ts";
import { CONSUMER_MARK, readHealthMark, writeHealthMark } from "../../src/results/health-marks.ts";
import { botTokenProbes, lastEmulatorSeq } from "../helpers/bot-token-probes.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("health_flow", [{ delayMs: 10 }, { delayMs: 10 }]);
const slowFirst = defineTestWorkflow("health_slow_first", [{ delayMs: 1500, progressSteps: 3 }]);
const MINUTE = 60_000;

type Health = { status: string; failed?: string[]; checks: Record<string, string> };

async function health(source: Partial<Env> = env): Promise<{ status: number; body: Health }> {
  const res = await detailedHealth(source);
  return { status: res.status, body: (await res.json()) as Health };
}

/** A running workflow whose stage has waited for a consumer since `since` (a quota row). */
async function waitingStage(since: number): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    "INSERT INTO running_workflows (workflow_id, user_id, command, input, started_at, waiting_since) VALUES (?, 'u', 'health_flow', 'x', ?, ?)",
  )
    .bind(id, since, since)
    .run();
  return id;
}

async function removeRunning(id: string): Promise<void> {
  await env.DB.prepare("DELETE FROM running_workflows WHERE workflow_id = ?").bind(id).run();
}

describe("GET /health/details", () => {
  it("is 200 with every dependency answering, and the consumer marks each batch it runs", async () => {
    const before = Date.now();
    const started = await startViaDiscord(flow);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect((await readHealthMark(env.DB, CONSUMER_MARK))?.at).toBeGreaterThanOrEqual(before);
    // Finished: its quota row (and so its waiting mark) is gone.
    const row = await env.DB.prepare("SELECT * FROM running_workflows WHERE workflow_id = ?")
      .bind(started.workflowId)
      .first();
    expect(row).toBeNull();

    const res = await exports.default.fetch("http://bot.test/health/details", {
      headers: { authorization: "Bearer test-metrics-token" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ok",
      checks: {
        d1: "ok",
        r2: "ok",
        durable_objects: "ok",
        queue_consumer: "ok",
        stage_backlog: "ok",
        bot_token: "ok",
      },
      bot_gate: { open: true, reason: null, closedAt: null, reopensAt: null, closures: 0 },
    });
  });

  it("does not count a first stage that runs as waiting (the claim inside start writes no D1 mark)", async () => {
    const started = await startViaDiscord(slowFirst);
    await waitForWorkflow(started.workflowId, (s) => s.stages[0]?.status === "running");
    const row = await env.DB.prepare(
      "SELECT waiting_since FROM running_workflows WHERE workflow_id = ?",
    )
      .bind(started.workflowId)
      .first<{ waiting_since: number | null }>();
    expect(row).toEqual({ waiting_since: null });
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
  });

  it("is 503 when stages wait and the consumer has stopped; 200 again once it runs", async () => {
    await writeHealthMark(env.DB, CONSUMER_MARK, Date.now() - 10 * MINUTE);
    const waiting = await waitingStage(Date.now() - 5 * MINUTE);
    const stopped = await health();
    expect(stopped.status).toBe(503);
    expect(stopped.body.failed).toEqual(["queue_consumer"]);
    expect(stopped.body.checks.queue_consumer).toBe("failed: consumer stopped");
    // The real consumer runs a batch: its mark is fresh, and this stage is young enough.
    const started = await startViaDiscord(flow);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect((await health()).status).toBe(200);
    await removeRunning(waiting);
  });

  it("is 503 when the oldest waiting stage is older than HEALTH_STAGE_WAIT_MAX_SECONDS", async () => {
    await writeHealthMark(env.DB, CONSUMER_MARK, Date.now());
    const waiting = await waitingStage(Date.now() - 11 * MINUTE);
    const backlog = await health();
    expect(backlog.status).toBe(503);
    expect(backlog.body.failed).toEqual(["stage_backlog"]);
    expect(backlog.body.checks.stage_backlog).toBe("failed: backlog");
    await removeRunning(waiting);
    // An idle queue (nothing waits) is healthy however long ago the consumer last ran.
    await writeHealthMark(env.DB, CONSUMER_MARK, Date.now() - 60 * MINUTE);
    expect((await health()).status).toBe(200);
  });

  it("checks the bot token against Discord at most once a minute, and names a rejected one", async () => {
    const badToken = `bad-${crypto.randomUUID()}`;
    const since = await lastEmulatorSeq();
    for (let i = 0; i < 3; i++) {
      const result = await health({ ...env, DISCORD_BOT_TOKEN: badToken });
      expect(result.status).toBe(503);
      expect(result.body.failed).toEqual(["bot_token"]);
      expect(result.body.checks.bot_token).toBe("failed: token rejected");
      expect(JSON.stringify(result.body)).not.toContain(badToken);
    }
    expect(await botTokenProbes(since)).toHaveLength(1);
    // The probe passed the bot gate like any bot-token call, so the rejection closed it.
    expect((await botGateStub(env).view()).reason).toBe("bad_bot_token");
    await botGateStub(env).reopen();
  });

  it("is 503 naming the broken binding, without secrets or ids", async () => {
    const { RESULTS: _r2, ...withoutR2 } = env;
    const { status, body } = await health(withoutR2);
    expect(status).toBe(503);
    expect(body.failed).toEqual(["r2"]);
    expect(body.checks.r2).toBe("failed: binding missing");
    expect(body.checks.d1).toBe("ok");
    const text = JSON.stringify(body);
    expect(text).not.toContain(env.DISCORD_BOT_TOKEN);
    expect(text).not.toContain(env.DISCORD_APPLICATION_ID);
  });

  it("names a database that errors, and every check that needs it", async () => {
    const brokenDb = {
      prepare: () => {
        throw new Error(`secret ${env.DISCORD_BOT_TOKEN}`);
      },
    } as unknown as D1Database;
    const { status, body } = await health({ ...env, DB: brokenDb });
    expect(status).toBe(503);
    expect(body.failed).toEqual(["d1", "queue_consumer", "stage_backlog", "bot_token"]);
    expect(body.checks.d1).toBe("failed: error");
    expect(JSON.stringify(body)).not.toContain(env.DISCORD_BOT_TOKEN);
  });
});
