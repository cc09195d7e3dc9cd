// Histograms in D1, exposed by GET /metrics in Prometheus form. Each observation is one upsert:
// the row of the smallest bucket that holds it (non-cumulative), carrying its value in `sum`;
// the cumulative _bucket, _sum and _count lines are computed when /metrics is read.
import { type CounterLabels, counterKey } from "./counters.ts";

/**
 * Bucket bounds in seconds. Stages are budgeted in tens of seconds and may yield for minutes;
 * first progress should come within seconds of the command; a result should reach its owner
 * within seconds of the end, minutes when it is retried, an hour when the cron re-drives it.
 */
export const HISTOGRAM_BUCKETS = {
  workflow_stage_duration_seconds: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
  workflow_time_to_first_progress_seconds: [0.25, 0.5, 1, 2, 5, 10, 30, 60],
  workflow_end_to_final_message_seconds: [0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600],
} as const;

export type HistogramName = keyof typeof HISTOGRAM_BUCKETS;

const INF = "+Inf";

export function bucketFor(name: HistogramName, seconds: number): string {
  const bound = HISTOGRAM_BUCKETS[name].find((le) => seconds <= le);
  return bound === undefined ? INF : String(bound);
}

export interface Observation {
  name: HistogramName;
  labels: CounterLabels;
  seconds: number;
}

function observation(db: D1Database, { name, labels, seconds }: Observation): D1PreparedStatement {
  const value = Math.max(0, seconds);
  return db
    .prepare(
      "INSERT INTO histogram_buckets (name, labels, le, count, sum) VALUES (?, ?, ?, 1, ?) ON CONFLICT(name, labels, le) DO UPDATE SET count = count + 1, sum = sum + excluded.sum",
    )
    .bind(name, counterKey("", labels), bucketFor(name, value), value);
}

/** Several observations in one round trip (one D1 batch, applied together). */
export async function observeAll(db: D1Database, observations: Observation[]): Promise<void> {
  if (observations.length === 0) return;
  await db.batch(observations.map((o) => observation(db, o)));
}

/** Prometheus text for every histogram with at least one observation. */
export async function renderHistograms(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT name, labels, le, count, sum FROM histogram_buckets ORDER BY name, labels")
    .all<{ name: HistogramName; labels: string; le: string; count: number; sum: number }>();
  const lines: string[] = [];
  const series = new Map<string, typeof results>();
  for (const row of results) {
    const key = `${row.name}\u0000${row.labels}`;
    series.set(key, [...(series.get(key) ?? []), row]);
  }
  let previous = "";
  for (const rows of series.values()) {
    const first = rows[0];
    if (!first) continue;
    const { name, labels } = first;
    if (name !== previous) lines.push(`# TYPE ${name} histogram`);
    previous = name;
    const inner = labels.startsWith("{") ? labels.slice(1, -1) : "";
    const withLe = (le: string) => `{${inner ? `${inner},` : ""}le="${le}"}`;
    let cumulative = 0;
    let sum = 0;
    for (const le of [...HISTOGRAM_BUCKETS[name].map(String), INF]) {
      const row = rows.find((r) => r.le === le);
      cumulative += row?.count ?? 0;
      sum += row?.sum ?? 0;
      lines.push(`${name}_bucket${withLe(le)} ${cumulative}`);
    }
    lines.push(`${name}_sum${labels} ${Number(sum.toFixed(6))}`);
    lines.push(`${name}_count${labels} ${cumulative}`);
  }
  return lines;
}
