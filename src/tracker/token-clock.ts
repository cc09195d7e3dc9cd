import type { EngineConfig } from "../config.ts";
import type { WorkflowRow } from "./schema.ts";
import type { TrackerStore } from "./store.ts";
import { Timer } from "./timer-names.ts";

/** The instant after which the tracker never calls an interaction-token route again. */
export function tokenExpiresAt(receivedAt: number, config: EngineConfig): number {
  return receivedAt + config.tokenTtlMs - config.tokenSafetyMarginMs;
}

/**
 * The single check before every interaction-token call: the token is alive, not known dead,
 * and Discord has had time to see our deferred reply (editing before it would 404).
 */
export function tokenUsable(row: WorkflowRow, now: number, config: EngineConfig): boolean {
  return (
    row.token_dead_at === null &&
    now < row.token_expires_at &&
    now >= row.received_at + config.ackGraceMs
  );
}

export function tokenAlive(row: WorkflowRow, now: number): boolean {
  return row.token_dead_at === null && now < row.token_expires_at;
}

/** Arms the notice, warnings and handoff of a freshly started workflow. */
export function scheduleTokenTimers(
  store: TrackerStore,
  row: WorkflowRow,
  config: EngineConfig,
): void {
  const ackAt = row.received_at + config.ackGraceMs;
  if (row.estimate_ms > config.longWorkflowNoticeMs) store.schedule(Timer.startNotice, ackAt);
  scheduleWarning(store, row, config, 0);
  store.schedule(Timer.handoff, Math.max(ackAt, row.token_expires_at - config.handoffLeadMs));
  store.schedule(Timer.tokenExpiry, row.received_at + config.tokenTtlMs);
}

/** Arms the first warning from `index` on that is still ahead of the ack grace: one row. */
export function scheduleWarning(
  store: TrackerStore,
  row: WorkflowRow,
  config: EngineConfig,
  index: number,
): void {
  const ackAt = row.received_at + config.ackGraceMs;
  const offsets = config.tokenWarningOffsetsMs;
  for (let i = index; i < offsets.length; i++) {
    const due = row.token_expires_at - (offsets[i] as number);
    if (due > ackAt) {
      store.schedule(Timer.warning, due, { payload: { index: i }, attempts: 0 });
      return;
    }
  }
}

/** Discord said the token is dead earlier than expected: stop using it, hand off now. */
export function markTokenDead(store: TrackerStore, now: number): void {
  store.updateWorkflow({ token_dead_at: now });
  store.cancelTimer(Timer.warning, Timer.startNotice);
  store.schedule(Timer.handoff, now, { keepEarlier: true });
}
