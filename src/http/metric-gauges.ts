import { queueBacklog } from "../results/stage-waiting.ts";

/** Gauges are read when /metrics is scraped: what is true now, not a running total. */
export async function renderGauges(db: D1Database, now: number): Promise<string[]> {
  const { running, oldestWaitingSince } = await queueBacklog(db, now);
  const oldestSeconds = oldestWaitingSince === null ? 0 : (now - oldestWaitingSince) / 1000;
  return [
    "# TYPE workflows_running gauge",
    `workflows_running ${running}`,
    "# TYPE workflow_oldest_waiting_stage_seconds gauge",
    `workflow_oldest_waiting_stage_seconds ${Number(oldestSeconds.toFixed(3))}`,
  ];
}
