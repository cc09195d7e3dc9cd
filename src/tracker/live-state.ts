import { rawText } from "../discord/render/localized-text.ts";
import type { StoredResultMeta } from "../results/result-store.ts";
import { workflowTitle } from "../workflow/registry.ts";
import { labelText } from "./progress-label.ts";
import { isActive, type StageRow, type WorkflowRow, type WorkflowStatus } from "./schema.ts";

/** What the live page shows. Built from the tracker's rows; the event log adds the history. */
export interface LiveState {
  workflowId: string;
  title: string;
  input: string;
  status: WorkflowStatus;
  error: string | null;
  progress: { fraction: number; label: string; stage: number; stageCount: number };
  stages: {
    name: string;
    status: string;
    startedAt: number | null;
    finishedAt: number | null;
    replays: number;
  }[];
  clock: {
    receivedAt: number;
    tokenExpiresAt: number;
    tokenDead: boolean;
    handoffRoute: string | null;
  };
  delivery: { state: string; route: string | null; deliveredAt: number | null };
  finishedAt: number | null;
  /** Finished, and the result delivered or orphaned: nothing will change any more. */
  settled: boolean;
  lastSeq: number;
  /** The server's clock when this state was taken, so a page can count down the token. */
  serverNow: number;
}

export function isSettled(row: WorkflowRow): boolean {
  return (
    !isActive(row.status) &&
    (row.delivery_state === "delivered" || row.delivery_state === "orphaned")
  );
}

export function liveState(
  row: WorkflowRow,
  stages: StageRow[],
  lastSeq: number,
  now: number,
): LiveState {
  const done = row.status === "completed";
  return {
    workflowId: row.workflow_id,
    title: workflowTitle(row.name, rawText("en-US") /* i18n: interim English */),
    input: row.input_label,
    status: row.status,
    error: row.error,
    progress: {
      fraction: done ? 1 : Math.min(1, Math.max(0, row.progress_fraction)),
      label: done
        ? "Done"
        : labelText(row.progress_label, rawText("en-US") /* i18n: interim English */),
      stage: row.current_stage,
      stageCount: row.stage_count,
    },
    stages: stages.map((stage) => ({
      name: stage.name,
      status: stage.status,
      startedAt: stage.started_at,
      finishedAt: stage.finished_at,
      replays: stage.replays,
    })),
    clock: {
      receivedAt: row.received_at,
      tokenExpiresAt: row.token_expires_at,
      tokenDead: row.token_dead_at !== null,
      handoffRoute: row.handoff_route,
    },
    delivery: {
      state: row.delivery_state,
      route: row.delivery_route,
      deliveredAt: row.delivered_at,
    },
    finishedAt: row.finished_at,
    settled: isSettled(row),
    lastSeq,
    serverNow: now,
  };
}

/** The state of a workflow whose tracker was purged (retention) but whose result is kept. */
export function archivedState(meta: StoredResultMeta, now: number): LiveState {
  return {
    workflowId: meta.workflowId,
    title: workflowTitle(meta.command, rawText("en-US") /* i18n: interim English */),
    input: meta.input,
    status: meta.status,
    error: meta.error,
    progress: { fraction: meta.status === "completed" ? 1 : 0, label: "", stage: 0, stageCount: 0 },
    stages: [],
    clock: {
      receivedAt: meta.createdAt,
      tokenExpiresAt: meta.createdAt,
      tokenDead: true,
      handoffRoute: null,
    },
    delivery: { state: "archived", route: null, deliveredAt: null },
    finishedAt: meta.completedAt,
    settled: true,
    lastSeq: 0,
    serverNow: now,
  };
}
