import type { Logger } from "../log.ts";
import { recordDelivery } from "../results/result-store.ts";
import {
  type RetentionSettings,
  resultRetentionDays,
  retentionSettings,
} from "../results/retention-settings.ts";
import { trackerStub } from "../tracker/api.ts";
import { deleteExpiredResults } from "./expired-results.ts";
import { mapBounded } from "./in-batches.ts";
import { tellOwnersOfExhaustedRedrives } from "./redrive-exhausted.ts";

/** Rows per page of the tracker purge and the re-drive. */
const BATCH = 100;
const HOUR_MS = 3_600_000;
/** Tracker calls at once: a Worker's simultaneous connections. */
const AT_ONCE = 6;

export interface MaintenanceReport {
  resultsDeleted: number;
  trackersPurged: number;
  redriven: number;
  /** Owners told that the re-drives of their result are used up. */
  ownersTold: number;
}

/**
 * Finished workflows whose result reached their owner (delivered, or retrieved by the owner) do
 * not need their Durable Object storage any more; the tracker archives its history first.
 */
async function purgeFinishedTrackers(
  env: Env,
  now: number,
  s: RetentionSettings,
  deadline: number,
): Promise<number> {
  let purged = 0;
  // A row whose tracker refuses (still delivering) is skipped by id: the next page moves on.
  let after = "";
  do {
    const { results } = await env.DB.prepare(
      `SELECT workflow_id FROM results WHERE tracker_cleared_at IS NULL
         AND COALESCE(delivered_at, owner_retrieved_at) IS NOT NULL
         AND COALESCE(delivered_at, owner_retrieved_at) < ?1 AND workflow_id > ?2
       ORDER BY workflow_id LIMIT ?3`,
    )
      .bind(now - s.trackerRetentionMs, after, BATCH)
      .all<{ workflow_id: string }>();
    if (results.length === 0) break;
    after = results.at(-1)?.workflow_id ?? after;
    const outcomes = await mapBounded(results, AT_ONCE, (row) =>
      trackerStub(env, row.workflow_id).purge(),
    );
    const freed = results.filter((_, index) => outcomes[index]?.purged);
    if (freed.length > 0)
      await env.DB.batch(
        freed.map((row) =>
          env.DB.prepare("UPDATE results SET tracker_cleared_at = ? WHERE workflow_id = ?").bind(
            now,
            row.workflow_id,
          ),
        ),
      );
    purged += freed.length;
    if (results.length < BATCH) break;
  } while (Date.now() < deadline);
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

/**
 * The hourly cron: each task bounded, each failure logged without stopping the others. The
 * re-drive (one page, users wait for it) goes first; deleting and freeing then page on within
 * the run's budget, each given at least one page.
 */
export async function runMaintenance(
  env: Env,
  now: number,
  log: Logger,
): Promise<MaintenanceReport> {
  const settings = retentionSettings(env);
  const deadline = Date.now() + settings.maintenanceBudgetMs;
  const report: MaintenanceReport = {
    resultsDeleted: 0,
    trackersPurged: 0,
    redriven: 0,
    ownersTold: 0,
  };
  const tasks: [keyof MaintenanceReport, () => Promise<number>][] = [
    ["redriven", () => redriveOrphans(env, now, settings, log)],
    [
      "ownersTold",
      () => tellOwnersOfExhaustedRedrives(env, now, settings, resultRetentionDays(env), log),
    ],
    ["resultsDeleted", () => deleteExpiredResults(env, now - settings.resultRetentionMs, deadline)],
    ["trackersPurged", () => purgeFinishedTrackers(env, now, settings, deadline)],
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
