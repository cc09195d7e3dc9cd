// Bench endpoints that start no-op workflows on each engine and time their stages in memory.

import { startWorkflow } from "../../src/queue/start.ts";
import { type InteractionOrigin, trackerStub } from "../../src/tracker/api.ts";
import { findWorkflow } from "../../src/workflow/registry.ts";
import { benchWorkflowName } from "./bench-workflows.ts";
import { countingEnv } from "./billable-counters.ts";
import { consumerConcurrency, type NaiveEnv, naiveStub } from "./naive-pipeline.ts";
import type { NoopWorkflowParams } from "./noop-workflow.ts";
import type { ConsumerStats, OursQueues } from "./shapes.ts";
import { forgetMarks, type StageMarks, stageMarks, waitForRuns } from "./stage-clock.ts";

export type BenchEnv = Env &
  NaiveEnv & {
    NOOP_FLOW: Workflow<NoopWorkflowParams>;
    BENCH_STAGES_LANE_1: Queue;
    BENCH_STAGES_LANE_2: Queue;
    BENCH_SINK: Queue;
  };

const laneEnvs = new WeakMap<BenchEnv, [BenchEnv, BenchEnv]>();

/** The env of each lane (one object each, so that the counting wrapper caches it). */
function laneEnvsOf(env: BenchEnv): [BenchEnv, BenchEnv] {
  const known = laneEnvs.get(env);
  if (known) return known;
  const lanes: [BenchEnv, BenchEnv] = [
    { ...env, STAGES: env.BENCH_STAGES_LANE_1 },
    { ...env, STAGES: env.BENCH_STAGES_LANE_2 },
  ];
  laneEnvs.set(env, lanes);
  return lanes;
}

function startEnv(env: BenchEnv, queues: OursQueues | undefined, index: number): Env {
  return countingEnv(queues === "two-lanes" ? (laneEnvsOf(env)[index % 2] ?? env) : env);
}

export type RunReport = { completed: boolean; marks: (StageMarks | null)[]; startedAt: number };

export type BenchOrigin = Omit<InteractionOrigin, "receivedAt">;

async function measured(
  keys: string[],
  runs: number,
  timeoutMs: number,
  start: () => Promise<void>,
) {
  const startedAt = Date.now();
  await start();
  const completed = await waitForRuns(keys, runs, timeoutMs);
  const marks = keys.map((key) => stageMarks(key) ?? null);
  forgetMarks(keys);
  return { completed, marks, startedAt } satisfies RunReport;
}

/**
 * Our engine: startWorkflow (the start message; the consumer creates the tracker) for every origin
 * at once. A stage that is not chained is queued by the tracker on the product's queue.
 */
export async function runOurs(
  env: BenchEnv,
  body: { origins: BenchOrigin[]; stages: number; timeoutMs: number; queues?: OursQueues },
): Promise<RunReport & { workflowIds: string[] }> {
  const workflow = findWorkflow(benchWorkflowName(body.stages));
  if (!workflow) throw new Error(`no bench workflow with ${body.stages} stages`);
  const workflowIds: string[] = [];
  const ids = new Map<BenchOrigin, string>();
  const report = await measured(workflowIds, body.stages, body.timeoutMs, async () => {
    const starts = body.origins.map(async (origin, index) => {
      // The quota is taken by the consumer; the bench raises MAX_RUNNING_PER_* out of reach.
      const workflowId = await startWorkflow(
        startEnv(env, body.queues, index),
        workflow,
        { holdSeconds: 0 },
        { ...origin, receivedAt: Date.now() },
      );
      ids.set(origin, workflowId);
    });
    await Promise.all(starts);
    for (const origin of body.origins) workflowIds.push(ids.get(origin) as string);
  });
  return { ...report, workflowIds };
}

/**
 * The floor under one stage of ours: a tracker RPC that does nothing (`ping`), and a Durable
 * Object RPC that writes one SQLite row (the naive pipeline's last stage), one after another from
 * this Worker, as the consumer calls `complete`. Date.now() advances at each call (I/O).
 */
export async function rpcFloor(env: BenchEnv, body: { calls: number }) {
  const tracker = trackerStub(env, `rpc-floor-${crypto.randomUUID()}`);
  const id = crypto.randomUUID();
  const writer = naiveStub(env, id);
  const write = { id, stage: 0, stages: 1 };
  // Creates the objects: not part of the floor.
  await Promise.all([tracker.ping(), writer.advance(write, "fast")]);
  let started = Date.now();
  for (let i = 0; i < body.calls; i++) await tracker.ping();
  const pingMs = (Date.now() - started) / body.calls;
  started = Date.now();
  for (let i = 0; i < body.calls; i++) await writer.advance(write, "fast");
  return { pingMs, oneRowWriteMs: (Date.now() - started) / body.calls };
}

/** Cloudflare Workflows: `create()` every instance at once. */
export async function runCloudflareWorkflows(
  env: BenchEnv,
  body: { count: number; stages: number; timeoutMs: number },
): Promise<RunReport> {
  const ids = Array.from({ length: body.count }, () => crypto.randomUUID());
  return measured(ids, body.stages, body.timeoutMs, async () => {
    await Promise.all(
      ids.map((id) => env.NOOP_FLOW.create({ id, params: { stages: body.stages } })),
    );
  });
}

/** The naive DO + Queue pipeline on the fast (timeout 0) or slow (timeout 1 s) queue. */
export async function runNaive(
  env: BenchEnv,
  body: {
    count: number;
    stages: number;
    queue: "fast" | "slow";
    timeoutMs: number;
    sleepMs?: number;
  },
): Promise<RunReport & { consumer: ConsumerStats | null }> {
  const ids = Array.from({ length: body.count }, () => crypto.randomUUID());
  const queueName = body.queue === "fast" ? "bench-naive" : "bench-naive-slow";
  consumerConcurrency.delete(queueName);
  const report = await measured(ids, body.stages, body.timeoutMs, async () => {
    await Promise.all(
      ids.map((id) =>
        naiveStub(env, id).advance(
          { id, stage: -1, stages: body.stages, sleepMs: body.sleepMs },
          body.queue,
        ),
      ),
    );
  });
  return { ...report, consumer: consumerConcurrency.get(queueName) ?? null };
}

export type WorkflowState = {
  id: string;
  status: string | null;
  deliveryState: string | null;
  deliveryRoute: string | null;
};

export async function workflowStates(env: BenchEnv, ids: string[]): Promise<WorkflowState[]> {
  return Promise.all(
    ids.map(async (id) => {
      const snapshot = await trackerStub(env, id).status();
      return {
        id,
        status: snapshot?.status ?? null,
        deliveryState: snapshot?.deliveryState ?? null,
        deliveryRoute: snapshot?.deliveryRoute ?? null,
      };
    }),
  );
}
