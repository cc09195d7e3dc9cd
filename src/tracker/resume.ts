import type { AnyWorkflowDefinition } from "../workflow/definition.ts";
import type { ArchivedStage } from "./history-archive.ts";
import type { TrackerStore } from "./store.ts";

// Retry: a new workflow that starts where a failed or timed-out one stopped. The completed stages
// of the old run are copied in as done, outputs included (inline JSON, or the same R2 reference),
// and the first stage to run is the one after them.

export interface ResumePoint {
  fromWorkflowId: string;
  /** The first stage the new workflow runs; every stage before it is copied as done. */
  stage: number;
  stages: Pick<ArchivedStage, "idx" | "name" | "outputJson" | "outputRef">[];
}

/**
 * The leading run of completed stages that still match the definition's stages by name (a
 * deploy may have changed them); null when there is nothing to reuse.
 */
export function resumePointOf(
  fromWorkflowId: string,
  stages: ArchivedStage[],
  definition: AnyWorkflowDefinition,
): ResumePoint | null {
  const reused: ResumePoint["stages"] = [];
  for (const [idx, stage] of definition.stages.entries()) {
    const old = stages.find((s) => s.idx === idx);
    if (!old || old.name !== stage.name || old.status !== "done") break;
    if (old.outputJson === null && old.outputRef === null) break;
    reused.push({ idx, name: old.name, outputJson: old.outputJson, outputRef: old.outputRef });
  }
  // Every stage done: nothing left to resume, the workflow would only be rebuilt.
  if (reused.length === 0 || reused.length >= definition.stages.length) return null;
  return { fromWorkflowId, stage: reused.length, stages: reused };
}

/** In the new tracker, right after its stages are inserted: copy the reused ones as done. */
export function applyResume(store: TrackerStore, resume: ResumePoint, now: number): void {
  for (const stage of resume.stages) {
    store.updateStage(stage.idx, {
      status: "done",
      output_json: stage.outputJson,
      output_ref: stage.outputRef,
      started_at: now,
      finished_at: now,
    });
  }
  const stageCount = store.workflow()?.stage_count ?? resume.stage;
  store.updateWorkflow({ current_stage: resume.stage });
  store.touchProgress({ progress_fraction: resume.stage / stageCount });
}
