import { backoffOf, type EngineConfig } from "../config.ts";
import { retryDelayOrCapMs } from "../discord/retries.ts";

/** Transient failures on one rung before the result is left for the cron to re-drive. */
export const MAX_DELIVERY_ATTEMPTS = 8;

export interface RetryDecision {
  at: number;
  /** Counts towards MAX_DELIVERY_ATTEMPTS; a closed bot gate does not (results wait for it). */
  countsAsAttempt: boolean;
}

/**
 * The one retry policy of delivery: Discord's own wait when it gave one (a 429, the outbox's
 * bucket, the gate), full-jitter backoff for a transient failure, and never give up on a gate.
 */
export function retryDecision(
  failure: { error?: unknown; retryAfterMs?: number; gateClosed: boolean },
  attempt: number,
  config: EngineConfig,
  now: number,
): RetryDecision {
  const delay =
    failure.retryAfterMs ?? retryDelayOrCapMs(failure.error, attempt, backoffOf(config));
  return { at: now + Math.max(1, delay), countsAsAttempt: !failure.gateClosed };
}
