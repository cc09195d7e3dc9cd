import type { Logger } from "../log.ts";
import { recordDelivery, resultPrefix } from "../results/result-store.ts";
import { readNumberSetting } from "../settings.ts";
import { trackerStub } from "../tracker/api.ts";

/** Each hourly run handles at most this many rows per task; the next run continues. */
const BATCH = 100;
const HOUR_MS = 3_600_000;

export interface RetentionSettings {
  resultRetentionMs: number;
  trackerRetentionMs: number;
  redriveAfterMs: number;
  redriveMaxAttempts: number;
}

export function retentionSettings(env: Env): RetentionSettings {
  return {
    resultRetentionMs: readNumberSetting(env, "RESULT_RETENTION_DAYS", 30) * 24 * HOUR_MS,
    trackerRetentionMs: readNumberSetting(env, "TRACKER_RETENTION_HOURS", 24) * HOUR_MS,
    redriveAfterMs: readNumberSetting(env, "ORPHAN_REDRIVE_AFTER_SECONDS", 300) * 1000,
    redriveMaxAttempts: readNumberSetting(env, "ORPHAN_REDRIVE_MAX_ATTEMPTS", 6, { integer: true }),
  };
}

/** How long results are kept, as messages promise it ("30 days"), from RESULT_RETENTION_DAYS. */
export function resultRetentionText(env: Env): string {
  const days = retentionSettings(env).resultRetentionMs / (24 * HOUR_MS);
  return `${days} ${days === 1 ? "day" : "days"}`;
}

export interface MaintenanceReport {
  resultsDeleted: number;
  trackersPurged: number;
  redriven: number;
}

async function deleteR2Prefix(bucket: R2Bucket, prefix: string): Promise<void> {
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const listing = await bucket.list({ prefix, ...(cursor ? { cursor } : {}) });
    if (listing.objects.length > 0) await bucket.delete(listing.objects.map((o) => o.key));
    if (!listing.truncated) return;
    cursor = listing.cursor;
  }
}

/** Results older than the retention: R2 objects, stage outputs, tracker storage, index row. */
async function deleteExpiredResults(env: Env, now: number, s: RetentionSettings): Promise<number> {
  const { results } = await env.DB.prepare(
    "SELECT workflow_id, r2_prefix FROM results WHERE created_at < ? LIMIT ?",
  )
    .bind(now - s.resultRetentionMs, BATCH)
    .all<{ workflow_id: string; r2_prefix: string }>();
  for (const row of results) {
    // The tracker first: purging archives its history under the prefix deleted next.
    await trackerStub(env, row.workflow_id).purge();
    await deleteR2Prefix(env.RESULTS, row.r2_prefix || resultPrefix(row.workflow_id));
    await deleteR2Prefix(env.RESULTS, `workflows/${row.workflow_id}/`);
    await env.DB.prepare("DELETE FROM results WHERE workflow_id = ?").bind(row.workflow_id).run();
  }
  return results.length;
}

/**
 * Finished workflows whose result reached their owner (delivered, or retrieved by the owner) do
 * not need their Durable Object storage any more; the tracker archives its history first.
 */
async function purgeFinishedTrackers(env: Env, now: number, s: RetentionSettings): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT workflow_id FROM results WHERE tracker_cleared_at IS NULL
       AND COALESCE(delivered_at, owner_retrieved_at) IS NOT NULL
       AND COALESCE(delivered_at, owner_retrieved_at) < ?1 LIMIT ?2`,
  )
    .bind(now - s.trackerRetentionMs, BATCH)
    .all<{ workflow_id: string }>();
  let purged = 0;
  for (const row of results) {
    const outcome = await trackerStub(env, row.workflow_id).purge();
    if (!outcome.purged) continue;
    await env.DB.prepare("UPDATE results SET tracker_cleared_at = ? WHERE workflow_id = ?")
      .bind(now, row.workflow_id)
      .run();
    purged++;
  }
  return purged;
}

/** Undelivered results get another walk down the ladder, with backoff, a bounded number of times. */
async function redriveOrphans(
  env: Env,
  now: number,
  s: RetentionSettings,
  log: Logger,
): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT workflow_id, redrive_attempts FROM results
     WHERE delivered_at IS NULL AND owner_retrieved_at IS NULL AND tracker_cleared_at IS NULL
       AND completed_at < ?
       AND redrive_attempts < ? AND (next_redrive_at IS NULL OR next_redrive_at <= ?)
     ORDER BY completed_at LIMIT ?`,
  )
    .bind(now - s.redriveAfterMs, s.redriveMaxAttempts, now, BATCH)
    .all<{ workflow_id: string; redrive_attempts: number }>();
  let redriven = 0;
  for (const row of results) {
    const outcome = await trackerStub(env, row.workflow_id).redeliver();
    if (outcome.state === "delivered") {
      // The index missed the delivery record (a crash after send): repair it, send nothing.
      await recordDelivery(env.DB, row.workflow_id, outcome.route ?? "unknown", outcome.at ?? now);
      continue;
    }
    const backoff = Math.min(24 * HOUR_MS, HOUR_MS * 2 ** row.redrive_attempts);
    await env.DB.prepare(
      "UPDATE results SET redrive_attempts = redrive_attempts + 1, next_redrive_at = ? WHERE workflow_id = ?",
    )
      .bind(now + backoff, row.workflow_id)
      .run();
    if (outcome.state === "redriving") redriven++;
    else log.info("redrive.skipped", { workflowId: row.workflow_id, state: outcome.state });
  }
  return redriven;
}

/** The hourly cron: each task bounded, each failure logged without stopping the others. */
export async function runMaintenance(
  env: Env,
  now: number,
  log: Logger,
): Promise<MaintenanceReport> {
  const settings = retentionSettings(env);
  const report: MaintenanceReport = { resultsDeleted: 0, trackersPurged: 0, redriven: 0 };
  const tasks: [keyof MaintenanceReport, () => Promise<number>][] = [
    ["resultsDeleted", () => deleteExpiredResults(env, now, settings)],
    ["trackersPurged", () => purgeFinishedTrackers(env, now, settings)],
    ["redriven", () => redriveOrphans(env, now, settings, log)],
  ];
  for (const [name, task] of tasks) {
    try {
      report[name] = await task();
    } catch (error) {
      log.error("maintenance.task_failed", { task: name, error });
    }
  }
  log.info("maintenance.done", { ...report });
  return report;
}
