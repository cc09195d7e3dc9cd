import type { WorkflowSnapshot } from "./rpc.ts";
import type { StageRow, WorkflowRow } from "./schema.ts";

/** What callers outside the tracker may see of a workflow: no token, no webhook secrets. */
export function snapshotOf(row: WorkflowRow, stages: StageRow[]): WorkflowSnapshot {
  return {
    workflowId: row.workflow_id,
    name: row.name,
    inputLabel: row.input_label,
    userId: row.user_id,
    status: row.status,
    currentStage: row.current_stage,
    stageCount: row.stage_count,
    progressLabel: row.progress_label,
    progressFraction: row.progress_fraction,
    receivedAt: row.received_at,
    tokenExpiresAt: row.token_expires_at,
    tokenDead: row.token_dead_at !== null,
    handoffRoute: row.handoff_route,
    deliveryState: row.delivery_state,
    deliveryRoute: row.delivery_route,
    error: row.error,
    finishedAt: row.finished_at,
    waitingSince: row.waiting_since ?? null,
    stages: stages.map((s) => ({
      name: s.name,
      status: s.status,
      claims: s.claims,
      replays: s.replays,
      queueWaitMs: s.queue_wait_ms ?? 0,
    })),
  };
}
