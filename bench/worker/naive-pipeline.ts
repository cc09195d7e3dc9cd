// The naive baseline: a Durable Object that records each stage and enqueues the next one, and a
// queue consumer that calls it. No claims, leases, timers or idempotency: the least a
// DO + Queue pipeline can do per stage.
import { DurableObject } from "cloudflare:workers";
import type { ConsumerStats } from "./shapes.ts";
import { markStageRun } from "./stage-clock.ts";

export type NaiveStageMessage = { id: string; stage: number; stages: number; sleepMs?: number };

export interface NaiveEnv {
  NAIVE_PIPELINE: DurableObjectNamespace<NaivePipeline>;
  BENCH_NAIVE: Queue;
  BENCH_NAIVE_SLOW: Queue;
}

export class NaivePipeline extends DurableObject<NaiveEnv> {
  constructor(ctx: DurableObjectState, env: NaiveEnv) {
    super(ctx, env);
    ctx.storage.sql.exec(
      "CREATE TABLE IF NOT EXISTS stages (idx INTEGER PRIMARY KEY, done_at INTEGER NOT NULL)",
    );
  }

  /** Records stage `stage` as done and sends the next one to `queue`. */
  async advance(message: NaiveStageMessage, queue: "fast" | "slow"): Promise<void> {
    if (message.stage >= 0)
      this.ctx.storage.sql.exec(
        "INSERT OR REPLACE INTO stages (idx, done_at) VALUES (?, ?)",
        message.stage,
        Date.now(),
      );
    const next = message.stage + 1;
    if (next >= message.stages) return;
    const target = queue === "fast" ? this.env.BENCH_NAIVE : this.env.BENCH_NAIVE_SLOW;
    await target.send({ ...message, stage: next } satisfies NaiveStageMessage);
  }
}

export function naiveStub(env: NaiveEnv, id: string): DurableObjectStub<NaivePipeline> {
  return env.NAIVE_PIPELINE.get(env.NAIVE_PIPELINE.idFromName(id));
}

/** Local consumer concurrency, per queue: how many batches were in flight at once. */
export const consumerConcurrency = new Map<string, ConsumerStats>();

export async function observeBatch<T>(
  queue: string,
  size: number,
  work: () => Promise<T>,
): Promise<T> {
  const entry = consumerConcurrency.get(queue) ?? {
    inFlight: 0,
    max: 0,
    batches: 0,
    messages: 0,
    spans: [],
  };
  consumerConcurrency.set(queue, entry);
  entry.inFlight++;
  entry.batches++;
  entry.messages += size;
  entry.max = Math.max(entry.max, entry.inFlight);
  const began = Date.now();
  try {
    return await work();
  } finally {
    entry.inFlight--;
    entry.spans.push({ began, returned: Date.now(), size });
  }
}

export async function handleNaiveBatch(batch: MessageBatch<unknown>, env: NaiveEnv): Promise<void> {
  const queue = batch.queue.endsWith("-slow") ? "slow" : "fast";
  await Promise.all(
    batch.messages.map(async (message) => {
      const body = message.body as NaiveStageMessage;
      if (body.sleepMs) await new Promise((resolve) => setTimeout(resolve, body.sleepMs));
      markStageRun(body.id);
      await naiveStub(env, body.id).advance(body, queue);
      message.ack();
    }),
  );
}
