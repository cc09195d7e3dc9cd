// Over 300 lines on purpose: the stage state machine's transitions, whose idempotency rules
// (per stage and invocation, only from the current claim) must be read together.

import { rawText } from "../discord/render/localized-text.ts";
import { renderText, type TextRef, textRef } from "../i18n/text-ref.ts";
import { queueOfNamedStage } from "../queue/stage-queues.ts";
import type { JsonValue } from "../workflow/definition.ts";
import { findStage, missingStageReason } from "../workflow/registry.ts";
import { grantStage, leaseUntil, loadStageOutputs } from "./claims.ts";
import type { LifecycleDeps } from "./lifecycle-deps.ts";
import { storedLabel } from "./progress-label.ts";
import { localesOf } from "./row-locales.ts";
import type {
  Acknowledgement,
  ClaimRequest,
  ClaimResult,
  CompleteRequest,
  CompleteResult,
  FailRequest,
  HeartbeatRequest,
  HeartbeatResult,
  StageMessage,
} from "./rpc.ts";
import type { StageRow, WorkflowRow, WorkflowStatus } from "./schema.ts";
import { isActive } from "./schema.ts";
import { RUNNING_ONLY_TIMERS, Timer } from "./timer-names.ts";

/** The queue message that carries a stage's current run: its own, or the one its chain began in. */
export function carrierOf(stage: StageRow): { stage: number; invocation: number } {
  return {
    stage: stage.via_stage ?? stage.idx,
    invocation: stage.via_invocation ?? stage.invocation,
  };
}

/**
 * The stage state machine. Every method is idempotent against duplicate and stale queue
 * deliveries: a completion counts once per (stage, invocation), and only from the claim that
 * currently holds it; anything else is acknowledged and ignored.
 *
 * One tracker call per stage in the common case: `complete` records the output and, when the
 * runner has time left, answers with the claim of the next stage, which then rides on the same
 * queue message (its carrier). If that consumer dies, the queue redelivers the carrier with a
 * higher delivery count and `claim` hands the current stage to the new delivery.
 */
export class StageLifecycle {
  private readonly deps: LifecycleDeps;

  constructor(deps: LifecycleDeps) {
    this.deps = deps;
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const { store, now } = this.deps;
    const workflow = store.workflow();
    if (!workflow) return { action: "skip", reason: "unknown workflow" };
    if (!isActive(workflow.status))
      return { action: "skip", reason: `workflow ${workflow.status}` };
    const stage = store.stage(workflow.current_stage);
    const carrier = stage && carrierOf(stage);
    if (!stage || carrier?.stage !== request.stage || carrier.invocation !== request.invocation)
      return { action: "skip", reason: "stale message" };
    const at = now();
    const holderAlive =
      stage.status === "running" && stage.lease_expires_at !== null && stage.lease_expires_at > at;
    if (holderAlive && request.deliveryAttempt <= stage.claim_delivery_attempt)
      return { action: "skip", reason: "already running" };
    const missing = missingStageReason(workflow.name, stage.name);
    if (missing) {
      this.finish("failed", missing);
      return { action: "skip", reason: "unknown definition" };
    }
    const waitedMs =
      stage.status === "pending" && workflow.waiting_since !== null
        ? Math.max(0, at - workflow.waiting_since)
        : 0;
    const granted = await grantStage(
      this.deps,
      workflow,
      stage,
      request,
      request.deliveryAttempt,
      waitedMs,
    );
    store.reportProgress(granted.workflowFields, at);
    if (stage.started_at === null)
      this.deps.event("stage_started", {
        stage: stage.idx,
        name: stage.name,
        invocation: stage.invocation,
        queueWaitMs: waitedMs,
      });
    return granted.claim;
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
    const fields: Partial<StageRow> = { lease_expires_at: this.leaseUntil(workflow, now()) };
    store.updateStage(stage.idx, fields);
    if (request.label !== undefined || request.fraction !== undefined) {
      const within = Math.min(
        1,
        Math.max(0, Number.isFinite(request.fraction) ? (request.fraction ?? 0) : 0),
      );
      store.reportProgress(
        {
          progress_label: request.label ? storedLabel(request.label) : workflow.progress_label,
          progress_fraction: (stage.idx + within) / workflow.stage_count,
        },
        now(),
      );
    }
    return { stop: false, cancelled: false };
  }

  async complete(request: CompleteRequest): Promise<CompleteResult> {
    const { store, now } = this.deps;
    const found = this.heldClaim(request);
    if ("reason" in found) return { accepted: false, reason: found.reason };
    const { workflow, stage } = found;
    const at = now();
    if (request.outcome.kind === "yield") {
      await this.pause(workflow, stage, request.outcome.state, request.outcome.continueAfterMs);
      return { accepted: true };
    }
    const saved = await this.deps.outputs.save(
      `${stage.idx}-${stage.name}`,
      JSON.stringify(request.outcome.output),
    );
    if (stage.state_ref) await this.removeQuietly(stage.state_ref);
    store.updateStage(stage.idx, {
      status: "done",
      claim_id: null,
      lease_expires_at: null,
      finished_at: at,
      output_json: "inline" in saved ? saved.inline : null,
      output_ref: "ref" in saved ? saved.ref : null,
      state_json: null,
      state_ref: null,
    });
    const completed = { stage: stage.idx, name: stage.name, ms: at - (stage.started_at ?? at) };
    const nextStage = store.stage(stage.idx + 1);
    if (!nextStage) {
      this.deps.event("stage_completed", completed);
      this.finish("completed", null);
      return { accepted: true };
    }
    const missing = missingStageReason(workflow.name, nextStage.name);
    if (missing) {
      this.deps.event("stage_completed", completed);
      this.finish("failed", missing);
      return { accepted: true };
    }
    const carrier = carrierOf(stage);
    if (request.chain && this.sameQueue(workflow, carrier.stage, nextStage)) {
      // Rides on the same queue message: no enqueue, no queue wait.
      const granted = await grantStage(
        this.deps,
        workflow,
        nextStage,
        carrier,
        stage.claim_delivery_attempt,
        0,
      );
      store.reportProgress(granted.workflowFields, at);
      this.deps.event("stage_completed", { ...completed, next: nextStage.idx, chained: true });
      return { accepted: true, next: granted.claim };
    }
    const message = this.queueFields(workflow, nextStage, nextStage.invocation, at);
    store.reportProgress(
      {
        current_stage: nextStage.idx,
        waiting_since: at,
        progress_fraction: nextStage.idx / workflow.stage_count,
      },
      at,
    );
    this.deps.event("stage_completed", { ...completed, next: nextStage.idx, chained: false });
    await this.dispatch(message, 0);
    return { accepted: true };
  }

  fail(request: FailRequest): Acknowledgement {
    const { store, now } = this.deps;
    const found = this.heldClaim(request);
    if ("reason" in found) return { accepted: false, reason: found.reason };
    const { stage } = found;
    if (request.retryable) {
      // The queue redelivers the carrier after its backoff; the deadline bounds the wait.
      const at = now();
      const retryAt = at + Math.max(0, request.retryInSeconds ?? 0) * 1000;
      store.updateStage(stage.idx, { status: "pending", claim_id: null, lease_expires_at: null });
      store.updateWorkflow({ waiting_since: retryAt });
      this.watchQueueWait(retryAt);
      this.deps.event("stage_retrying", { stage: stage.idx, error: request.error.slice(0, 500) });
      return { accepted: true };
    }
    store.updateStage(stage.idx, { status: "failed", claim_id: null, finished_at: now() });
    const name = store.workflow()?.name ?? "";
    const label = findStage(name, stage.name)?.label;
    this.finish(
      "failed",
      textRef("engine.stageFailed", {
        stage: label ?? stage.name,
        error: request.shown ?? request.error,
      }),
    );
    return { accepted: true };
  }

  /** The queue gave up on a stage message (dead-letter queue). */
  deadLettered(message: StageMessage): Acknowledgement {
    const { store, now } = this.deps;
    const workflow = store.workflow();
    if (!workflow || !isActive(workflow.status)) return { accepted: false, reason: "finished" };
    const stage = store.stage(workflow.current_stage);
    if (!stage) return { accepted: false, reason: "unknown stage" };
    const carrier = carrierOf(stage);
    if (carrier.stage !== message.stage || carrier.invocation !== message.invocation)
      return { accepted: false, reason: "stale message" };
    store.updateStage(stage.idx, { status: "failed", claim_id: null, finished_at: now() });
    this.finish("failed", textRef("engine.stageGaveUp", { stage: stage.name }));
    return { accepted: true };
  }

  /**
   * Moves the workflow to an end state once; the result is then persisted and delivered. Why it
   * stopped is kept as text in the public language (the progress message, the result and the
   * live view show it as it is).
   */
  finish(status: WorkflowStatus, reason: TextRef | null): void {
    const { store, now } = this.deps;
    const row = store.workflow();
    const error = reason && row ? renderText(rawText(localesOf(row).public), reason) : null;
    store.touchProgress({ status, error, finished_at: now(), waiting_since: null });
    store.cancelTimer(...RUNNING_ONLY_TIMERS);
    this.deps.event(`workflow_${status}`, error ? { error } : {});
    this.deps.onFinished(status);
  }

  /** Outputs of the finished stages, all of them or only those named. */
  loadOutputs(only?: string[]): Promise<Record<string, JsonValue>> {
    return loadStageOutputs(this.deps.store, this.deps.outputs, only);
  }

  protected leaseUntil(workflow: WorkflowRow, now: number): number {
    return leaseUntil(workflow, now, this.deps.config);
  }

  /**
   * Marks a stage invocation as going to the queue (carried by its own message) and returns that
   * message; the caller writes the workflow row and sends it.
   */
  queueFields(
    workflow: WorkflowRow,
    stage: StageRow,
    invocation: number,
    queuedAt: number,
    extra: Partial<StageRow> = {},
  ): StageMessage {
    this.deps.store.updateStage(stage.idx, {
      ...extra,
      status: "pending",
      invocation,
      claim_id: null,
      lease_expires_at: null,
      via_stage: stage.idx,
      via_invocation: invocation,
    });
    this.watchQueueWait(queuedAt);
    return { workflowId: workflow.workflow_id, stage: stage.idx, invocation };
  }

  /** The watch timer looks again when this wait would pass the "waiting for a worker" notice. */
  protected watchQueueWait(queuedAt: number): void {
    this.deps.store.schedule(Timer.watch, queuedAt + this.deps.config.queueWaitNoticeMs, {
      keepEarlier: true,
    });
  }

  /**
   * Whether `next` belongs on the queue that carries the running chain (its carrier's): a chain
   * never brings a bulk stage onto the stage queue, nor an ordinary stage onto the bulk queue.
   */
  private sameQueue(workflow: WorkflowRow, carrierIdx: number, next: StageRow): boolean {
    const carrierName = this.deps.store.stage(carrierIdx)?.name ?? next.name;
    return (
      queueOfNamedStage(workflow.name, carrierName) === queueOfNamedStage(workflow.name, next.name)
    );
  }

  /** A failed send is not fatal: a dispatch timer sends it again with backoff. */
  async dispatch(message: StageMessage, delaySeconds: number): Promise<void> {
    try {
      await this.deps.enqueue(message, delaySeconds);
    } catch (error) {
      this.deps.log.warn("stage.enqueue_failed", { stage: message.stage, error });
      this.deps.store.schedule(Timer.dispatch, this.deps.now() + this.deps.config.backoffBaseMs, {
        payload: { message, delaySeconds },
        attempts: 0,
      });
    }
  }

  /** continueLater: the state is kept (in R2 when large) and a delayed message resumes it. */
  private async pause(
    workflow: WorkflowRow,
    stage: StageRow,
    state: JsonValue,
    continueAfterMs: number,
  ): Promise<void> {
    const at = this.deps.now();
    const invocation = stage.invocation + 1;
    const delayMs = Math.max(0, continueAfterMs);
    // A fresh name per invocation: R2 allows about one write per second to the same key.
    const saved = await this.deps.outputs.save(
      `${stage.idx}-${stage.name}.state-${invocation}`,
      JSON.stringify(state),
    );
    if (stage.state_ref) await this.removeQuietly(stage.state_ref);
    const message = this.queueFields(workflow, stage, invocation, at + delayMs, {
      state_json: "inline" in saved ? saved.inline : null,
      state_ref: "ref" in saved ? saved.ref : null,
    });
    this.deps.store.updateWorkflow({ waiting_since: at + delayMs });
    this.deps.event("stage_yielded", { stage: stage.idx, invocation, continueAfterMs: delayMs });
    await this.dispatch(message, Math.ceil(delayMs / 1000));
  }

  private async removeQuietly(ref: string): Promise<void> {
    await this.deps.outputs.remove(ref).catch((error: unknown) => {
      this.deps.log.warn("stage.state_cleanup_failed", { ref, error });
    });
  }

  /** The stage a completion or failure names, if `claimId` still holds it. */
  private heldClaim(request: {
    stage: number;
    invocation: number;
    claimId: string;
  }): { workflow: WorkflowRow; stage: StageRow } | { reason: string } {
    const workflow = this.deps.store.workflow();
    if (!workflow) return { reason: "unknown workflow" };
    if (!isActive(workflow.status)) return { reason: `workflow ${workflow.status}` };
    if (request.stage !== workflow.current_stage) return { reason: "duplicate" };
    const stage = this.deps.store.stage(request.stage);
    if (!stage || stage.invocation !== request.invocation || stage.status !== "running")
      return { reason: "duplicate" };
    if (stage.claim_id !== request.claimId) return { reason: "superseded" };
    return { workflow, stage };
  }
}
