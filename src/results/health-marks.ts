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

/**
 * Takes the turn to do what `name` marks, if nobody took it since `staleBefore`: one conditional
 * write, so of any number of concurrent callers (in any isolate) exactly one gets `true`.
 */
export async function claimHealthMark(
  db: D1Database,
  name: string,
  now: number,
  staleBefore: number,
): Promise<boolean> {
  const result = await db
    .prepare(
      "INSERT INTO health_marks (name, at, state) VALUES (?, ?, 'claimed') ON CONFLICT(name) DO UPDATE SET at = excluded.at WHERE health_marks.at < ?",
    )
    .bind(name, now, staleBefore)
    .run();
  return result.meta.changes === 1;
}
