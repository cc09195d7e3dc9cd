import { rawText } from "../discord/render/localized-text.ts";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales.ts";
import { renderText } from "../i18n/text-ref.ts";
import type { Translate } from "../i18n/translator.ts";
import type { StoredResultMeta } from "../results/result-store.ts";
import { findStage, workflowTitle } from "../workflow/registry.ts";
import { labelText } from "./progress-label.ts";
import { isActive, type StageRow, type WorkflowRow, type WorkflowStatus } from "./schema.ts";

/**
 * What the live page shows, its texts in one language (the page's, or its socket's). Built from
 * the tracker's rows; the event log adds the history.
 */
export interface LiveState {
  workflowId: string;
  title: string;
  input: string;
  status: WorkflowStatus;
  error: string | null;
  progress: { fraction: number; label: string; stage: number; stageCount: number };
  stages: {
    name: string;
    /** The stage's label in this state's language (absent in states archived before labels). */
    label?: string;
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

/** A stage's label in `t`'s language; its name when the kind no longer knows the stage. */
function stageLabel(workflowName: string, stageName: string, t: Translate): string {
  const stage = findStage(workflowName, stageName);
  return stage ? renderText(t, stage.label) : stageName;
}

/**
 * The state in `locale`. The history archive keeps one in the default language, and
 * `localizedHistoryState` renders it again in each reader's.
 */
export function liveState(
  row: WorkflowRow,
  stages: StageRow[],
  lastSeq: number,
  now: number,
  locale: Locale = DEFAULT_LOCALE,
): LiveState {
  const t = rawText(locale);
  const done = row.status === "completed";
  return {
    workflowId: row.workflow_id,
    title: workflowTitle(row.name, t),
    input: row.input_label,
    status: row.status,
    error: row.error,
    progress: {
      fraction: done ? 1 : Math.min(1, Math.max(0, row.progress_fraction)),
      label: done ? t("live.done") : labelText(row.progress_label, t),
      stage: row.current_stage,
      stageCount: row.stage_count,
    },
    stages: stages.map((stage) => ({
      name: stage.name,
      label: stageLabel(row.name, stage.name, t),
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

/**
 * An archived history's state in `locale`, at `now`. The archive holds the state as rendered when
 * it was written; the title and stage labels are rendered again from the kind, and the progress
 * label (the stage's last words, gone with the tracker) is "Done" or nothing, as the page then
 * shows the outcome instead.
 */
export function localizedHistoryState(
  history: { name: string; state: LiveState },
  locale: Locale,
  now: number,
): LiveState {
  const t = rawText(locale);
  const { state } = history;
  return {
    ...state,
    title: workflowTitle(history.name, t),
    progress: { ...state.progress, label: state.status === "completed" ? t("live.done") : "" },
    stages: state.stages.map((stage) => ({
      ...stage,
      label: stageLabel(history.name, stage.name, t),
    })),
    serverNow: now,
  };
}

/** The state of a workflow whose tracker was purged (retention) but whose result is kept. */
export function archivedState(meta: StoredResultMeta, now: number, locale: Locale): LiveState {
  return {
    workflowId: meta.workflowId,
    title: workflowTitle(meta.command, rawText(locale)),
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
