// Operational counters in D1, exposed by GET /metrics. Names follow Prometheus conventions;
// labels are part of the stored name, e.g. deliveries_total{route="webhook"}.

export type CounterLabels = Record<string, string>;

export function counterKey(name: string, labels: CounterLabels = {}): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return name;
  const rendered = entries.map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`).join(",");
  return `${name}{${rendered}}`;
}

export interface CounterIncrement {
  name: string;
  labels?: CounterLabels;
  by?: number;
}

export function incrementStatement(
  db: D1Database,
  { name, labels, by = 1 }: CounterIncrement,
): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO counters (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value, updated_at = excluded.updated_at",
    )
    .bind(counterKey(name, labels), by, Date.now());
}

/** Several counters in one D1 round trip; quiet like countQuietly. */
export async function countAllQuietly(
  db: D1Database,
  increments: CounterIncrement[],
  onError: (error: unknown) => void,
): Promise<void> {
  await db.batch(increments.map((increment) => incrementStatement(db, increment))).catch(onError);
}

/** Counting must never break the work it counts: failures are logged by the caller's logger. */
export function countQuietly(
  db: D1Database,
  name: string,
  labels: CounterLabels,
  onError: (error: unknown) => void,
): Promise<void> {
  return incrementStatement(db, { name, labels })
    .run()
    .then(() => undefined, onError);
}

export async function readCounters(db: D1Database): Promise<{ name: string; value: number }[]> {
  const { results } = await db
    .prepare("SELECT name, value FROM counters ORDER BY name")
    .all<{ name: string; value: number }>();
  return results;
}
