import { resultPrefix } from "../results/result-store.ts";
import type { JsonValue } from "../workflow/definition.ts";
import { type LiveState, liveState } from "./live-state.ts";
import type { StageRow, WorkflowEvent, WorkflowRow } from "./schema.ts";
import type { TrackerStore } from "./store.ts";

// A finished workflow's history, archived beside its result in R2 before the tracker's storage is
// freed (a day after delivery), and deleted with the result (retention). It keeps the live view's
// whole timeline, and what Retry needs: the workflow's kind, options and completed stage outputs.

/** The most events archived (the live page embeds at most 5,000). */
const MAX_ARCHIVED_EVENTS = 10_000;
const EVENTS_PER_READ = 500;

export interface ArchivedStage {
  idx: number;
  name: string;
  status: StageRow["status"];
  /** Inline output JSON, or null when it lives in R2 under `outputRef`. */
  outputJson: string | null;
  outputRef: string | null;
}

export interface WorkflowHistory {
  version: 1;
  workflowId: string;
  name: string;
  options: JsonValue;
  userId: string;
  state: LiveState;
  events: WorkflowEvent[];
  stages: ArchivedStage[];
}

export function historyKey(workflowId: string): string {
  return `${resultPrefix(workflowId)}history.json`;
}

/** The history as the tracker's storage holds it now. */
export function historyOf(store: TrackerStore, row: WorkflowRow, now: number): WorkflowHistory {
  const events: WorkflowEvent[] = [];
  while (events.length < MAX_ARCHIVED_EVENTS) {
    const page = store.events(events.at(-1)?.seq ?? 0, EVENTS_PER_READ);
    events.push(...page);
    if (page.length < EVENTS_PER_READ) break;
  }
  const stages = store.stages();
  return {
    version: 1,
    workflowId: row.workflow_id,
    name: row.name,
    options: JSON.parse(row.options_json) as JsonValue,
    userId: row.user_id,
    state: liveState(row, stages, events.at(-1)?.seq ?? 0, now),
    events,
    stages: stages.map((stage) => ({
      idx: stage.idx,
      name: stage.name,
      status: stage.status,
      outputJson: stage.output_json,
      outputRef: stage.output_ref,
    })),
  };
}

export async function archiveHistory(bucket: R2Bucket, history: WorkflowHistory): Promise<void> {
  await bucket.put(historyKey(history.workflowId), JSON.stringify(history), {
    httpMetadata: { contentType: "application/json" },
    customMetadata: { workflowId: history.workflowId, userId: history.userId },
  });
}

export async function loadArchivedHistory(
  bucket: R2Bucket,
  workflowId: string,
): Promise<WorkflowHistory | null> {
  const object = await bucket.get(historyKey(workflowId));
  if (!object) return null;
  const history = JSON.parse(await object.text()) as WorkflowHistory;
  return history.version === 1 ? history : null;
}
