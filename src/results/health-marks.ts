// Last-seen marks in D1 for GET /health: when the queue consumer last ran, what the last bot
// token check answered. One row per name, overwritten; a mark is a fact about the past, not a lock.

export interface HealthMark {
  at: number;
  state: string;
}

/** The queue consumer's mark: written once per batch it handles. */
export const CONSUMER_MARK = "queue_consumer";

export async function writeHealthMark(
  db: D1Database,
  name: string,
  at: number,
  state = "ok",
): Promise<void> {
  await db
    .prepare(
      "INSERT INTO health_marks (name, at, state) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET at = excluded.at, state = excluded.state",
    )
    .bind(name, at, state)
    .run();
}

export async function readHealthMark(db: D1Database, name: string): Promise<HealthMark | null> {
  return db
    .prepare("SELECT at, state FROM health_marks WHERE name = ?")
    .bind(name)
    .first<HealthMark>();
}
