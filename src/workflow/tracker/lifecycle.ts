import type { EngineConfig } from "../../config.ts";
import type { Logger } from "../../log.ts";
import type { JsonValue } from "../definition.ts";
import { formatDuration } from "../format.ts";
import { findWorkflow } from "../registry.ts";
import type { StageMessage } from "../stage-message.ts";
import type {
  Acknowledgement,
  ClaimRequest,
  ClaimResult,
  CompleteRequest,
  FailRequest,
  HeartbeatRequest,
  HeartbeatResult,
} from "../tracker-types.ts";
import type { StageRow, WorkflowRow, WorkflowStatus } from "./schema.ts";
import { isActive } from "./schema.ts";
import type { TrackerStore } from "./store.ts";
import { Timer } from "./timer-names.ts";

/** Where stage outputs live: small ones inline in SQLite, large ones in R2 by reference. */
export interface OutputStorage {
  save(stage: StageRow, json: string): Promise<{ inline: string } | { ref: string }>;
  load(ref: string): Promise<string>;
}

export interface LifecycleDeps {
  store: TrackerStore;
  config: EngineConfig;
  log: Logger;
  now: () => number;
  enqueue: (message: StageMessage, delaySeconds: number) => Promise<void>;
  outputs: OutputStorage;
  /** Called once when the workflow reaches an end state. */
  onFinished: (status: WorkflowStatus) => void;
  event: (type: string, data?: Record<string, unknown>) => void;
}

/**
 * The stage state machine. Every method is idempotent against duplicate and stale queue
 * deliveries: a completion counts once per (stage, invocation); anything else is acknowledged
 * and ignored.
 */
export class StageLifecycle {
  private readonly deps: LifecycleDeps;

  constructor(deps: LifecycleDeps) {
    this.deps = deps;
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const { store, config, now } = this.deps;
    const workflow = store.workflow();
    if (!workflow) return { action: "skip", reason: "unknown workflow" };
    if (!isActive(workflow.status))
      return { action: "skip", reason: `workflow ${workflow.status}` };
    if (request.stage !== workflow.current_stage) return { action: "skip", reason: "stale stage" };
    const stage = store.stage(request.stage);
    if (!stage || stage.invocation !== request.invocation)
      return { action: "skip", reason: "stale invocation" };
    const at = now();
    const holderAlive = stage.lease_expires_at !== null && stage.lease_expires_at > at;
    if (
      stage.status === "running" &&
      holderAlive &&
      request.deliveryAttempt <= stage.claim_delivery_attempt
    ) {
      return { action: "skip", reason: "already running" };
    }
    const definition = findWorkflow(workflow.name);
    const stageDefinition = definition?.stages[request.stage];
    if (!definition || !stageDefinition) {
      this.finish("failed", `This bot no longer knows the workflow "${workflow.name}".`);
      return { action: "skip", reason: "unknown definition" };
    }
    const claimId = crypto.randomUUID();
    const leaseExpiresAt = this.leaseUntil(workflow, at);
    store.updateStage(stage.idx, {
      status: "running",
      claims: stage.claims + 1,
      claim_id: claimId,
      claim_delivery_attempt: request.deliveryAttempt,
      lease_expires_at: leaseExpiresAt,
      started_at: stage.started_at ?? at,
    });
    store.schedule(Timer.lease, leaseExpiresAt);
    if (workflow.status === "queued") store.updateWorkflow({ status: "running" });
    if (stage.started_at === null) {
      store.touchProgress({
        progress_label: stageDefinition.label,
        progress_fraction: stage.idx / workflow.stage_count,
      });
      this.deps.event("stage_started", { stage: stage.idx, name: stage.name });
    }
    const state =
      stage.state_json === null ? undefined : (JSON.parse(stage.state_json) as JsonValue);
    return {
      action: "run",
      claimId,
      workflowName: workflow.name,
      options: JSON.parse(workflow.options_json) as JsonValue,
      outputs: await this.loadOutputs(stageDefinition.inputs?.(state)),
      state,
      stageName: stage.name,
      stageCount: workflow.stage_count,
      budgetMs: stageDefinition.budgetMs ?? config.stageBudgetMs,
    };
  }

  heartbeat(request: HeartbeatRequest): HeartbeatResult {
    const { store, now } = this.deps;
    const workflow = store.workflow();
    if (!workflow || !isActive(workflow.status)) {
      return { stop: true, cancelled: workflow?.status === "cancelled" };
    }
    const stage = store.stage(request.stage);
    if (!stage || stage.claim_id !== request.claimId || stage.status !== "running") {
      return { stop: true, cancelled: false };
    }
    const leaseExpiresAt = this.leaseUntil(workflow, now());
    store.updateStage(stage.idx, { lease_expires_at: leaseExpiresAt });
    store.schedule(Timer.lease, leaseExpiresAt);
    if (request.label !== undefined || request.fraction !== undefined) {
      const within = Math.min(
        1,
        Math.max(0, Number.isFinite(request.fraction) ? (request.fraction ?? 0) : 0),
      );
      store.touchProgress({
        progress_label: request.label?.slice(0, 200) ?? workflow.progress_label,
        progress_fraction: (stage.idx + within) / workflow.stage_count,
      });
    }
    return { stop: false, cancelled: false };
  }

  async complete(request: CompleteRequest): Promise<Acknowledgement> {
    const { store, config, now } = this.deps;
    const found = this.currentInvocation(request);
    if ("reason" in found) return { accepted: false, reason: found.reason };
    const { workflow, stage } = found;
    const at = now();
    if (request.outcome.kind === "yield") {
      const invocation = stage.invocation + 1;
      const delayMs = Math.max(0, request.outcome.continueAfterMs);
      store.updateStage(stage.idx, {
        status: "pending",
        invocation,
        claim_id: null,
        state_json: JSON.stringify(request.outcome.state),
        lease_expires_at: null,
      });
      store.schedule(Timer.lease, at + delayMs + config.stageLeaseMs);
      this.deps.event("stage_yielded", { stage: stage.idx, invocation, continueAfterMs: delayMs });
      await this.dispatch(
        { workflowId: workflow.workflow_id, stage: stage.idx, invocation },
        delayMs,
      );
      return { accepted: true };
    }
    const saved = await this.deps.outputs.save(stage, JSON.stringify(request.outcome.output));
    store.updateStage(stage.idx, {
      status: "done",
      claim_id: null,
      lease_expires_at: null,
      finished_at: at,
      output_json: "inline" in saved ? saved.inline : null,
      output_ref: "ref" in saved ? saved.ref : null,
    });
    this.deps.event("stage_completed", {
      stage: stage.idx,
      name: stage.name,
      ms: at - (stage.started_at ?? at),
    });
    const next = stage.idx + 1;
    if (next >= workflow.stage_count) {
      this.finish("completed", null);
      return { accepted: true };
    }
    store.updateWorkflow({ current_stage: next });
    store.touchProgress({ progress_fraction: next / workflow.stage_count });
    store.schedule(Timer.lease, at + config.stageLeaseMs);
    await this.dispatch({ workflowId: workflow.workflow_id, stage: next, invocation: 1 }, 0);
    return { accepted: true };
  }

  fail(request: FailRequest): Acknowledgement {
    const { store, config, now } = this.deps;
    const found = this.currentInvocation(request);
    if ("reason" in found) return { accepted: false, reason: found.reason };
    const { stage } = found;
    if (request.retryable) {
      // The queue redelivers this message after its backoff; the lease catches a lost one.
      store.updateStage(stage.idx, { status: "pending", claim_id: null, lease_expires_at: null });
      store.schedule(Timer.lease, now() + config.stageLeaseMs + config.backoffCapMs);
      this.deps.event("stage_retrying", { stage: stage.idx, error: request.error.slice(0, 500) });
      return { accepted: true };
    }
    store.updateStage(stage.idx, { status: "failed", claim_id: null, finished_at: now() });
    this.finish("failed", `Stage "${stage.name}" failed: ${request.error}`);
    return { accepted: true };
  }

  /** The queue gave up on a stage message (dead-letter queue). */
  deadLettered(message: StageMessage): Acknowledgement {
    const { store, now } = this.deps;
    const workflow = store.workflow();
    if (!workflow || !isActive(workflow.status)) return { accepted: false, reason: "finished" };
    if (message.stage !== workflow.current_stage) return { accepted: false, reason: "stale stage" };
    const stage = store.stage(message.stage);
    if (!stage) return { accepted: false, reason: "unknown stage" };
    store.updateStage(stage.idx, { status: "failed", claim_id: null, finished_at: now() });
    this.finish(
      "failed",
      `Stage "${stage.name}" kept failing and was given up after its last retry.`,
    );
    return { accepted: true };
  }

  /** The lease timer fired: re-drive a stage whose runner vanished, at most K times. */
  async watchdog(): Promise<void> {
    const { store, config, now, log } = this.deps;
    const workflow = store.workflow();
    if (!workflow || !isActive(workflow.status)) return;
    const stage = store.stage(workflow.current_stage);
    if (!stage) return;
    const at = now();
    if (
      stage.status === "running" &&
      stage.lease_expires_at !== null &&
      stage.lease_expires_at > at
    ) {
      store.schedule(Timer.lease, stage.lease_expires_at); // a heartbeat extended it
      return;
    }
    if (stage.status !== "running" && stage.status !== "pending") return;
    if (stage.replays >= config.maxStageReplays) {
      store.updateStage(stage.idx, { status: "failed", claim_id: null, finished_at: at });
      this.finish(
        "failed",
        `Stage "${stage.name}" stopped responding ${stage.replays + 1} times and was given up.`,
      );
      return;
    }
    const invocation = stage.invocation + 1;
    store.updateStage(stage.idx, {
      status: "pending",
      invocation,
      replays: stage.replays + 1,
      claim_id: null,
      lease_expires_at: null,
    });
    store.schedule(Timer.lease, at + config.stageLeaseMs);
    log.warn("stage.redriven", { stage: stage.idx, invocation, replays: stage.replays + 1 });
    this.deps.event("stage_redriven", { stage: stage.idx, invocation, replays: stage.replays + 1 });
    await this.dispatch({ workflowId: workflow.workflow_id, stage: stage.idx, invocation }, 0);
  }

  /** The deadline passed: keep what the finished stages produced and deliver it as partial. */
  timeOut(): void {
    const workflow = this.deps.store.workflow();
    if (!workflow || !isActive(workflow.status)) return;
    const stage = this.deps.store.stage(workflow.current_stage);
    const limit = formatDuration(workflow.deadline_at - workflow.received_at);
    this.finish(
      "timed_out",
      `Stopped at its ${limit} time limit during "${stage?.name ?? "?"}"; this is a partial result.`,
    );
  }

  /** A lease never reaches past the workflow's deadline. */
  private leaseUntil(workflow: WorkflowRow, now: number): number {
    return Math.min(now + this.deps.config.stageLeaseMs, workflow.deadline_at);
  }

  /** Moves the workflow to an end state once; the result is then persisted and delivered. */
  finish(status: WorkflowStatus, error: string | null): void {
    const { store, now } = this.deps;
    store.updateWorkflow({ status, error, finished_at: now() });
    store.touchProgress();
    store.cancelTimer(Timer.lease);
    this.deps.event(`workflow_${status}`, error ? { error } : {});
    this.deps.onFinished(status);
  }

  private currentInvocation(request: {
    stage: number;
    invocation: number;
  }): { workflow: WorkflowRow; stage: StageRow } | { reason: string } {
    const workflow = this.deps.store.workflow();
    if (!workflow) return { reason: "unknown workflow" };
    if (!isActive(workflow.status)) return { reason: `workflow ${workflow.status}` };
    if (request.stage !== workflow.current_stage) return { reason: "duplicate" };
    const stage = this.deps.store.stage(request.stage);
    if (!stage || stage.invocation !== request.invocation || stage.status === "done") {
      return { reason: "duplicate" };
    }
    return { workflow, stage };
  }

  /** Outputs of the finished stages, all of them or only those named. */
  async loadOutputs(only?: string[]): Promise<Record<string, JsonValue>> {
    const outputs: Record<string, JsonValue> = {};
    for (const stage of this.deps.store.stages()) {
      if (stage.status !== "done" || (only && !only.includes(stage.name))) continue;
      const json = stage.output_ref
        ? await this.deps.outputs.load(stage.output_ref)
        : stage.output_json;
      if (json !== null) outputs[stage.name] = JSON.parse(json) as JsonValue;
    }
    return outputs;
  }

  /** A failed send is not fatal: the lease timer re-sends when nobody claims the stage. */
  private async dispatch(message: StageMessage, delayMs: number): Promise<void> {
    try {
      await this.deps.enqueue(message, Math.ceil(delayMs / 1000));
    } catch (error) {
      this.deps.log.warn("stage.enqueue_failed", { stage: message.stage, error });
    }
  }
}
