// b) What the engine itself costs per stage, with stages that do nothing: ours, Cloudflare
// Workflows (`step.do`) and a naive DO + Queue pipeline, one workflow at a time and 20 at once.
// Also: the local queue's one-batch-at-a-time delivery, and what a 1 s batch timeout costs.
import { type BenchTarget, benchCall, freshActor, waitForQuiet } from "./bench-client.ts";
import { mean } from "./stats.ts";
import type { ConsumerStats, OursQueues } from "./worker/shapes.ts";

type Marks = { first: number; last: number; runs: number };
type RunReport = { completed: boolean; marks: (Marks | null)[]; startedAt: number };

export interface EngineRow {
  engine: string;
  concurrency: number;
  msPerStage: number;
  stagesPerSecond: number;
  completed: boolean;
}

export interface EngineReport {
  stages: number;
  rows: EngineRow[];
  /** Ours at the same concurrency with two batches in flight at once (two bench-only queues). */
  oursTwoLanes: EngineRow & { maxBatchesInFlight: number };
  queue: {
    /** 50 messages whose consumer sleeps 200 ms, batches of 10. */
    sleepingBatches: { wallMs: number; maxConcurrentBatches: number; batches: number };
    oursAtTwenty: ConsumerStats | null;
    /** Ours at 20: from one batch's handler returning to the next batch being handed over. */
    oursHandoverMs: number[];
    slowTimeoutMsPerStage: number;
  };
  /** Ours, one at a time: mean tracker RPC round trip by method, as the caller sees it. */
  oursRpcMs: Record<string, number>;
  /** The floor under a stage: a tracker RPC that does nothing, a DO RPC that writes one row. */
  floor: { pingMs: number; oneRowWriteMs: number };
}

const TIMEOUT_MS = 120_000;

function summarise(
  engine: string,
  concurrency: number,
  stages: number,
  reports: RunReport[],
): EngineRow {
  const marks = reports.flatMap((r) => r.marks);
  const complete = marks.filter((m): m is Marks => m !== null && m.runs >= stages);
  const perStage = complete.map((m) => (m.last - m.first) / (stages - 1));
  const span = Math.max(...complete.map((m) => m.last)) - Math.min(...complete.map((m) => m.first));
  const transitions = complete.length * (stages - 1);
  return {
    engine,
    concurrency,
    msPerStage: mean(perStage),
    stagesPerSecond:
      concurrency === 1
        ? 1000 / mean(perStage)
        : span > 0
          ? (transitions / span) * 1000
          : Number.NaN,
    completed: reports.every((r) => r.completed) && complete.length === marks.length,
  };
}

async function ours(
  target: BenchTarget,
  count: number,
  stages: number,
  queues: OursQueues = "product",
): Promise<RunReport> {
  const origins = await Promise.all(
    Array.from({ length: count }, async () => {
      const actor = freshActor();
      const issued = await target.emulator.createInteractionToken(actor);
      return {
        userId: actor.userId,
        guildId: actor.guildId,
        channelId: actor.channelId,
        applicationId: target.applicationId,
        interactionId: issued.interactionId,
        interactionToken: issued.token,
      };
    }),
  );
  const since = Date.now();
  const report = await benchCall<RunReport>(target, "ours", {
    origins,
    stages,
    timeoutMs: TIMEOUT_MS,
    queues,
  });
  // Results are persisted and delivered after the last stage: let that finish before measuring on.
  await waitForQuiet(target, since - 1000, 60_000, origins.length);
  return report;
}

const cloudflareWorkflows = (target: BenchTarget, count: number, stages: number) =>
  benchCall<RunReport>(target, "cf-workflows", { count, stages, timeoutMs: TIMEOUT_MS });

const naive = (
  target: BenchTarget,
  count: number,
  stages: number,
  queue: "fast" | "slow",
  sleepMs?: number,
) =>
  benchCall<RunReport & { consumer: ConsumerStats | null }>(target, "naive", {
    count,
    stages,
    queue,
    timeoutMs: TIMEOUT_MS,
    sleepMs,
  });

const consumerStats = (target: BenchTarget) =>
  benchCall<Record<string, ConsumerStats>>(target, "consumers");

/** Gaps between one batch's handler returning and the next one's beginning. */
function handovers(spans: ConsumerStats["spans"]): number[] {
  return spans.slice(1).map((span, i) => span.began - (spans[i]?.returned ?? span.began));
}

/** The most batches any queues' handlers ran at one moment. */
function batchesInFlight(queues: ConsumerStats[]): number {
  const edges = queues
    .flatMap((q) => q.spans)
    .flatMap((s) => [
      { at: s.began, step: 1 },
      { at: s.returned, step: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.step - b.step);
  let now = 0;
  let most = 0;
  for (const edge of edges) {
    now += edge.step;
    most = Math.max(most, now);
  }
  return most;
}

type Engine = { name: string; run: (count: number) => Promise<RunReport> };

export async function measureEngineOverhead(
  target: BenchTarget,
  plan: { stages: number; sequentialRuns: number; concurrent: number },
): Promise<EngineReport> {
  const { stages } = plan;
  const engines: Engine[] = [
    { name: "ours (tracker DO + queue)", run: (n) => ours(target, n, stages) },
    { name: "Cloudflare Workflows (step.do)", run: (n) => cloudflareWorkflows(target, n, stages) },
    { name: "naive DO + queue", run: (n) => naive(target, n, stages, "fast") },
  ];
  for (const engine of engines) await engine.run(2); // warm-up: code paths, SQLite files, classes
  const rows: EngineRow[] = [];
  let oursAtTwenty: ConsumerStats | null = null;
  let oursRpcMs: Record<string, number> = {};
  for (const engine of engines) {
    const isOurs = engine.name.startsWith("ours");
    if (isOurs) await benchCall(target, "tally/reset", {});
    const sequential: RunReport[] = [];
    for (let i = 0; i < plan.sequentialRuns; i++) sequential.push(await engine.run(1));
    if (isOurs) {
      const timings = await benchCall<Record<string, { calls: number; totalMs: number }>>(
        target,
        "rpc-timings",
      );
      oursRpcMs = Object.fromEntries(
        Object.entries(timings).map(([m, t]) => [m, t.totalMs / t.calls]),
      );
    }
    rows.push(summarise(engine.name, 1, stages, sequential));
    await benchCall(target, "consumers/reset", {});
    rows.push(summarise(engine.name, plan.concurrent, stages, [await engine.run(plan.concurrent)]));
    if (isOurs) oursAtTwenty = (await consumerStats(target))["longflow-stages"] ?? null;
  }
  await ours(target, 2, stages, "two-lanes"); // warm-up
  await benchCall(target, "consumers/reset", {});
  const twoLanes = await ours(target, plan.concurrent, stages, "two-lanes");
  const oursTwoLanes = {
    ...summarise("ours, 2 batches in flight", plan.concurrent, stages, [twoLanes]),
    maxBatchesInFlight: batchesInFlight(Object.values(await consumerStats(target))),
  };
  const floor = await benchCall<EngineReport["floor"]>(target, "rpc-floor", { calls: 200 });
  const sleeping = await naive(target, 50, 1, "fast", 200);
  const sleepingEnd = Math.max(...sleeping.marks.map((m) => m?.last ?? 0));
  const slow = await naive(target, 1, 4, "slow");
  const slowMarks = slow.marks[0];
  return {
    stages,
    rows,
    oursTwoLanes,
    oursRpcMs,
    floor,
    queue: {
      sleepingBatches: {
        wallMs: sleepingEnd - sleeping.startedAt,
        maxConcurrentBatches: sleeping.consumer?.max ?? 0,
        batches: sleeping.consumer?.batches ?? 0,
      },
      oursAtTwenty,
      oursHandoverMs: handovers(oursAtTwenty?.spans ?? []),
      slowTimeoutMsPerStage: slowMarks ? (slowMarks.last - slowMarks.first) / 3 : Number.NaN,
    },
  };
}
