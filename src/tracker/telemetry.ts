import type { Logger } from "../log.ts";
import { type CounterIncrement, countAllQuietly } from "../results/counters.ts";
import { type Observation, observeAll } from "../results/histograms.ts";
import { markStageClaimed, markStageWaiting } from "../results/stage-waiting.ts";

/**
 * The tracker's counters and histograms in D1. Nothing here holds up the tracker: writes run
 * under waitUntil and a failed one is only logged; Discord's answers are counted in memory and
 * written once per status per batch, not once per request. The stage-waiting gauge (for /health
 * and /metrics) is written here too.
 */
export class TrackerTelemetry {
  private readonly ctx: DurableObjectState;
  private readonly db: D1Database;
  private readonly log: () => Logger;
  /** Discord answers by status since the last flush to the counters table. */
  private readonly discordStatuses = new Map<number, number>();

  constructor(ctx: DurableObjectState, db: D1Database, log: () => Logger) {
    this.ctx = ctx;
    this.db = db;
    this.log = log;
  }

  countDiscordStatus(status: number): void {
    this.discordStatuses.set(status, (this.discordStatuses.get(status) ?? 0) + 1);
  }

  flushDiscordCounts(): void {
    const increments = [...this.discordStatuses].map(([status, by]) => ({
      name: "discord_requests_total",
      labels: { status: String(status) },
      by,
    }));
    this.discordStatuses.clear();
    this.count(...increments);
  }

  count(...increments: CounterIncrement[]): void {
    if (increments.length === 0) return;
    this.ctx.waitUntil(
      countAllQuietly(this.db, increments, (error) => this.log().warn("counter.failed", { error })),
    );
  }

  observe(...observations: Observation[]): void {
    if (observations.length === 0) return;
    this.ctx.waitUntil(
      observeAll(this.db, observations).catch((error: unknown) =>
        this.log().warn("histogram.failed", { error }),
      ),
    );
  }

  /** The stage waits in the queue until `dueAt`, or (null) a runner claimed it. */
  async noteStageWaiting(workflowId: string | undefined, dueAt: number | null): Promise<void> {
    if (!workflowId) return;
    // A failed write must not stop the stage.
    await (dueAt === null
      ? markStageClaimed(this.db, workflowId)
      : markStageWaiting(this.db, workflowId, dueAt)
    ).catch((error: unknown) => this.log().warn("stage_waiting.write_failed", { error }));
  }
}
