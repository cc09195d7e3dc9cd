import type { EngineConfig } from "../config.ts";
import type { JsonValue } from "../workflow/definition.ts";
import { findStage } from "../workflow/registry.ts";
import type { LifecycleDeps } from "./lifecycle-deps.ts";
import type { OutputStorage } from "./output-storage.ts";
import { storedLabel } from "./progress-label.ts";
import { localesOf } from "./row-locales.ts";
import type { StageClaim } from "./rpc.ts";
import type { StageRow, WorkflowRow } from "./schema.ts";
import type { TrackerStore } from "./store.ts";
import { Timer } from "./timer-names.ts";

// Granting a stage to a consumer: the claim it runs under and what it needs to run.

/** A lease never reaches past the workflow's deadline. */
export function leaseUntil(workflow: WorkflowRow, now: number, config: EngineConfig): number {
  return Math.min(now + config.stageLeaseMs, workflow.deadline_at);
}

/** Outputs of the finished stages, all of them or only those named. */
export async function loadStageOutputs(
  store: TrackerStore,
  outputs: OutputStorage,
  only?: string[],
): Promise<Record<string, JsonValue>> {
  const loaded: Record<string, JsonValue> = {};
  for (const stage of store.stages()) {
    if (stage.status !== "done" || (only && !only.includes(stage.name))) continue;
    const json = stage.output_ref ? await outputs.load(stage.output_ref) : stage.output_json;
    if (json !== null) loaded[stage.name] = JSON.parse(json) as JsonValue;
  }
  return loaded;
}

/** Gives `stage` to the holder of `carrier`; returns the claim and the workflow row's fields. */
export async function grantStage(
  deps: LifecycleDeps,
  workflow: WorkflowRow,
  stage: StageRow,
  carrier: { stage: number; invocation: number },
  deliveryAttempt: number,
  waitedMs: number,
): Promise<{ claim: StageClaim; workflowFields: Partial<WorkflowRow> }> {
  const { store, config, now } = deps;
  const stageDefinition = findStage(workflow.name, stage.name);
  const at = now();
  const claimId = crypto.randomUUID();
  const leaseExpiresAt = leaseUntil(workflow, at, config);
  store.updateStage(stage.idx, {
    status: "running",
    claims: stage.claims + 1,
    claim_id: claimId,
    claim_delivery_attempt: deliveryAttempt,
    lease_expires_at: leaseExpiresAt,
    started_at: stage.started_at ?? at,
    via_stage: carrier.stage,
    via_invocation: carrier.invocation,
    queue_wait_ms: stage.queue_wait_ms + waitedMs,
  });
  // An earlier watch re-arms itself at the lease when it fires: no write per stage.
  store.schedule(Timer.watch, leaseExpiresAt, { keepEarlier: true });
  const stateJson = stage.state_ref ? await deps.outputs.load(stage.state_ref) : stage.state_json;
  const state = stateJson === null ? undefined : (JSON.parse(stateJson) as JsonValue);
  return {
    workflowFields: {
      status: "running",
      current_stage: stage.idx,
      waiting_since: null,
      progress_label: stageDefinition ? storedLabel(stageDefinition.label) : stage.name,
      progress_fraction: stage.idx / workflow.stage_count,
    },
    claim: {
      action: "run",
      stage: stage.idx,
      invocation: stage.invocation,
      claimId,
      workflowName: workflow.name,
      options: JSON.parse(workflow.options_json) as JsonValue,
      outputs: await loadStageOutputs(store, deps.outputs, stageDefinition?.inputs?.(state)),
      state,
      stageName: stage.name,
      stageCount: workflow.stage_count,
      budgetMs: stageDefinition?.budgetMs ?? config.stageBudgetMs,
      heartbeatEveryMs: Math.max(100, Math.floor(config.stageLeaseMs / 3)),
      locale: localesOf(workflow).public,
    },
  };
}
