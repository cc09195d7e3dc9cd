import type { TrackerRuntime } from "./runtime.ts";
import { isActive, type WorkflowRow } from "./schema.ts";
import { markTokenDead } from "./token-clock.ts";

// discord_session_closed_total{stage}: every end of an interaction token seen while its workflow
// ran — Discord's normal expiry at 15 minutes as well as an early death found by a progress edit,
// a warning or the delivery ladder — counted once per workflow, labelled with the workflow's
// stage ("delivery" once the work is done and the ladder found it).

function stageOf(rt: TrackerRuntime, row: WorkflowRow): string {
  if (!isActive(row.status)) return "delivery";
  return rt.store.stage(row.current_stage)?.name ?? "unknown";
}

/** Discord said the token is dead: count it (the first time) and mark it dead. */
export function tokenDied(rt: TrackerRuntime): void {
  const row = rt.store.workflow();
  if (!row) return;
  if (row.token_dead_at === null && rt.now() < row.received_at + rt.config.tokenTtlMs)
    rt.countLater("discord_session_closed_total", { stage: stageOf(rt, row) });
  markTokenDead(rt.store, rt.now());
}

/** The token_expiry timer: the token reached Discord's lifetime with the workflow still running. */
export function tokenExpired(rt: TrackerRuntime): { done: true } {
  const row = rt.store.workflow();
  if (row && isActive(row.status) && row.token_dead_at === null)
    rt.countLater("discord_session_closed_total", { stage: stageOf(rt, row) });
  return { done: true };
}

/**
 * workflow_results_persisted_total{reason}: "session_closed" when the reply window had closed
 * before the result was ready — the result exists for the user only because it was persisted —
 * otherwise the way the workflow ended (completed, failed, timed_out, cancelled).
 */
export function persistReason(row: WorkflowRow, now: number): string {
  const closed = row.token_dead_at !== null || now >= row.token_expires_at;
  return closed ? "session_closed" : row.status;
}
