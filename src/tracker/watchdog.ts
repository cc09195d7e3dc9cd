import { backoffOf } from "../config.ts";
import { retryDelayOrCapMs } from "../discord/retries.ts";
import { textRef } from "../i18n/text-ref.ts";
import { carrierOf, type StageLifecycle } from "./lifecycle.ts";
import type { LifecycleDeps } from "./lifecycle-deps.ts";
import type { TimerOutcome } from "./progress.ts";
import { storedLabel } from "./progress-label.ts";
import type { StageMessage } from "./rpc.ts";
import { isActive } from "./schema.ts";
import { Timer } from "./timer-names.ts";

/** What the progress message, /workflows and the live view show for a stage long in the queue. */
export const WAITING_FOR_WORKER_LABEL = storedLabel(textRef("engine.waitingForWorkerLabel"));

/**
 * The stage lifecycle's clock-driven side. The watch timer tells a queued stage from a claimed
 * one: only a claimed stage whose holder stopped heartbeating is re-driven (and counts toward
 * MAX_STAGE_REPLAYS); a queued stage is not a dead runner, whatever its wait. Its wait is
 * recorded and shown, and the workflow's deadline bounds it. It acts through the lifecycle it is
 * given (finish, re-queue), so the state machine has one set of transitions.
 */
export class StageWatchdog {
  private readonly deps: LifecycleDeps;
  private readonly lifecycle: StageLifecycle;

  constructor(deps: LifecycleDeps, lifecycle: StageLifecycle) {
    this.deps = deps;
    this.lifecycle = lifecycle;
  }

  async watch(): Promise<void> {
    const { store, now } = this.deps;
    const workflow = store.workflow();
    if (!workflow || !isActive(workflow.status)) return;
    const stage = store.stage(workflow.current_stage);
    if (!stage) return;
    const at = now();
    if (stage.status === "running") {
      if (stage.lease_expires_at !== null && stage.lease_expires_at > at) {
        store.schedule(Timer.watch, stage.lease_expires_at); // heartbeats extended it
        return;
      }
      await this.redrive(stage.idx);
      return;
    }
    if (stage.status !== "pending" || workflow.waiting_since === null) return;
    const noticeAt = workflow.waiting_since + this.deps.config.queueWaitNoticeMs;
    if (at < noticeAt) {
      store.schedule(Timer.watch, noticeAt);
      return;
    }
    if (workflow.progress_label === WAITING_FOR_WORKER_LABEL) return;
    // Shown, but not progress (touchProgress, not reportProgress): waiting earns no extension.
    store.touchProgress({ progress_label: WAITING_FOR_WORKER_LABEL });
    this.deps.event("waiting_for_worker", {
      stage: stage.idx,
      waitedMs: at - workflow.waiting_since,
    });
  }

  /** The holder of a claimed stage went silent: a new invocation, at most K times. */
  private async redrive(idx: number): Promise<void> {
    const { store, config, now, log } = this.deps;
    const workflow = store.workflow();
    const stage = store.stage(idx);
    if (!workflow || !stage) return;
    const at = now();
    if (stage.replays >= config.maxStageReplays) {
      store.updateStage(stage.idx, { status: "failed", claim_id: null, finished_at: at });
      this.lifecycle.finish(
        "failed",
        textRef("engine.stageUnresponsive", { stage: stage.name, times: stage.replays + 1 }),
      );
      return;
    }
    const invocation = stage.invocation + 1;
    const replays = stage.replays + 1;
    const message = this.lifecycle.queueFields(workflow, stage, invocation, at, { replays });
    store.updateWorkflow({ waiting_since: at });
    log.warn("stage.redriven", { stage: stage.idx, invocation, replays });
    this.deps.event("stage_redriven", { stage: stage.idx, invocation, replays });
    await this.lifecycle.dispatch(message, 0);
  }

  /** A stage message whose send failed: send it again while it still carries the stage. */
  async redispatch(
    message: StageMessage,
    delaySeconds: number,
    attempts: number,
  ): Promise<TimerOutcome> {
    const { store, config, now } = this.deps;
    const workflow = store.workflow();
    if (!workflow || !isActive(workflow.status)) return { done: true };
    const stage = store.stage(workflow.current_stage);
    if (stage?.status !== "pending") return { done: true };
    const carrier = carrierOf(stage);
    if (carrier.stage !== message.stage || carrier.invocation !== message.invocation)
      return { done: true };
    try {
      await this.deps.enqueue(message, delaySeconds);
      return { done: true };
    } catch (error) {
      return {
        done: false,
        retryAt: now() + retryDelayOrCapMs(error, attempts, backoffOf(config)),
      };
    }
  }

  /** The deadline passed: keep what the finished stages produced and deliver it as partial. */
  timeOut(): void {
    const workflow = this.deps.store.workflow();
    if (!workflow || !isActive(workflow.status)) return;
    const stage = this.deps.store.stage(workflow.current_stage);
    this.lifecycle.finish(
      "timed_out",
      textRef("engine.timedOut", {
        limitMs: workflow.deadline_at - workflow.received_at,
        stage: stage?.name ?? "?",
      }),
    );
  }
}
