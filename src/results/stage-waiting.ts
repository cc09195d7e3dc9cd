// Which running workflows have a stage waiting for a queue consumer, and since when, kept on the
// workflow's quota row in D1 (running_workflows.waiting_since). The tracker owns the truth; this
// is the global view /health and /metrics need without asking every tracker.

/**
 * The stage becomes due at `dueAt` (a delayed message is not waiting before then). Written
 * before the message is sent, so the consumer's claim, which clears it, always comes after.
 */
export async function markStageWaiting(
  db: D1Database,
  workflowId: string,
  dueAt: number,
): Promise<void> {
  await db
    .prepare("UPDATE running_workflows SET waiting_since = ? WHERE workflow_id = ?")
    .bind(Math.round(dueAt), workflowId)
    .run();
}

/** A consumer claimed the stage: nothing of this workflow waits now. */
export async function markStageClaimed(db: D1Database, workflowId: string): Promise<void> {
  await db
    .prepare("UPDATE running_workflows SET waiting_since = NULL WHERE workflow_id = ?")
    .bind(workflowId)
    .run();
}

export interface QueueBacklog {
  running: number;
  /** When the longest-waiting due stage began to wait; null when none waits. */
  oldestWaitingSince: number | null;
}

export async function queueBacklog(db: D1Database, now: number): Promise<QueueBacklog> {
  const row = await db
    .prepare(
      "SELECT COUNT(*) AS running, MIN(CASE WHEN waiting_since <= ?1 THEN waiting_since END) AS oldest FROM running_workflows",
    )
    .bind(now)
    .first<{ running: number; oldest: number | null }>();
  return { running: row?.running ?? 0, oldestWaitingSince: row?.oldest ?? null };
}
