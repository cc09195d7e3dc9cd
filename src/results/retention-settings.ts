// How long results and trackers are kept, and how orphaned results are re-driven: read by the
// cron's retention and by every message that promises a retention ("kept for 30 days"), which
// counts the days in its own language (resultRetentionDays).
import { readNumberSetting } from "../settings.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** How long results are kept unless RESULT_RETENTION_DAYS says otherwise. */
export const DEFAULT_RESULT_RETENTION_DAYS = 30;

export interface RetentionSettings {
  resultRetentionMs: number;
  trackerRetentionMs: number;
  redriveAfterMs: number;
  redriveMaxAttempts: number;
  /** How long one cron run may keep paging through expired results and trackers to free. */
  maintenanceBudgetMs: number;
}

export function retentionSettings(env: Env): RetentionSettings {
  return {
    resultRetentionMs:
      readNumberSetting(env, "RESULT_RETENTION_DAYS", DEFAULT_RESULT_RETENTION_DAYS) * DAY_MS,
    trackerRetentionMs: readNumberSetting(env, "TRACKER_RETENTION_HOURS", 24) * HOUR_MS,
    redriveAfterMs: readNumberSetting(env, "ORPHAN_REDRIVE_AFTER_SECONDS", 300) * 1000,
    redriveMaxAttempts: readNumberSetting(env, "ORPHAN_REDRIVE_MAX_ATTEMPTS", 6, { integer: true }),
    // Five minutes of the cron's fifteen: deleting runs at thousands of results a minute
    // (test/results/retention-volume.test.ts), far above any hourly inflow.
    maintenanceBudgetMs:
      readNumberSetting(env, "MAINTENANCE_BUDGET_SECONDS", 300, { min: 0 }) * 1000,
  };
}

/** How many days results are kept, as messages promise it, from RESULT_RETENTION_DAYS. */
export function resultRetentionDays(env: Env): number {
  return retentionSettings(env).resultRetentionMs / DAY_MS;
}
