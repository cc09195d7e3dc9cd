// How long results and trackers are kept, and how orphaned results are re-driven: read by the
// cron's retention and by every message that promises a retention ("kept for 30 days").
import { readNumberSetting } from "../settings.ts";

const HOUR_MS = 3_600_000;

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
    resultRetentionMs: readNumberSetting(env, "RESULT_RETENTION_DAYS", 30) * 24 * HOUR_MS,
    trackerRetentionMs: readNumberSetting(env, "TRACKER_RETENTION_HOURS", 24) * HOUR_MS,
    redriveAfterMs: readNumberSetting(env, "ORPHAN_REDRIVE_AFTER_SECONDS", 300) * 1000,
    redriveMaxAttempts: readNumberSetting(env, "ORPHAN_REDRIVE_MAX_ATTEMPTS", 6, { integer: true }),
    // Five minutes of the cron's fifteen: deleting runs at thousands of results a minute
    // (test/results/retention-volume.test.ts), far above any hourly inflow.
    maintenanceBudgetMs:
      readNumberSetting(env, "MAINTENANCE_BUDGET_SECONDS", 300, { min: 0 }) * 1000,
  };
}

/** How long results are kept, as messages promise it ("30 days"), from RESULT_RETENTION_DAYS. */
export function resultRetentionText(env: Env): string {
  const days = retentionSettings(env).resultRetentionMs / (24 * HOUR_MS);
  return `${days} ${days === 1 ? "day" : "days"}`;
}
