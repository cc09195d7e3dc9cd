import { backoffOf, engineConfig } from "../config.ts";
import { retryDelayOrBackoffMs } from "../discord/retries.ts";
import { DEFAULT_LOCALE } from "../i18n/locales.ts";
import type { TextRef } from "../i18n/text-ref.ts";
import { createLogger, type Logger } from "../log.ts";
import {
  parseStageMessage,
  type StageClaim,
  type StageMessage,
  type StageOutcome,
  startInputOf,
  type TrackerApi,
  trackerStub,
} from "../tracker/api.ts";
import { type JsonValue, StageFatalError, StageYield } from "../workflow/definition.ts";
import { findStage } from "../workflow/registry.ts";
import { recordConsumerRun } from "./consumer-liveness.ts";
import { tellStartFailed } from "./quota-refusal.ts";
import { stageDiscord } from "./stage-discord-client.ts";
import { r2StageFiles } from "./stage-files-r2.ts";
import { admitStart } from "./start-admission.ts";

/** How long after its budget a stage that ignores its AbortSignal is given before we stop waiting. */
const BUDGET_GRACE_MS = 1000;

class StageCancelled extends Error {
  override readonly name = "StageCancelled";
}

/** When the queue redelivers a failed stage: the one retry-delay policy, in whole seconds. */
function queueRetryDelaySeconds(env: Env, error: unknown, attempts: number): number {
  return Math.floor(
    retryDelayOrBackoffMs(error, attempts - 1, backoffOf(engineConfig(env))) / 1000,
  );
}

/** Errors a retry cannot fix fail the workflow at once; everything else is retried by the queue. */
function isStageFatal(error: unknown): boolean {
  return error instanceof StageFatalError;
}

/**
 * Runs one claimed stage. While it runs, the runner itself proves it is alive at the cadence the
 * tracker asked for: a stage never has to know the lease, and a stage that reports no progress
 * keeps its claim all the same. No heartbeat is sent for a stage shorter than one interval.
 */
async function runClaimed(
  env: Env,
  tracker: TrackerApi,
  workflowId: string,
  claim: StageClaim,
  attempt: number,
  log: Logger,
): Promise<StageOutcome> {
  const stage = findStage(claim.workflowName, claim.stageName);
  if (!stage)
    throw new StageFatalError(`stage "${claim.stageName}" of ${claim.workflowName} is unknown`);
  const controller = new AbortController();
  const beat = async (label?: TextRef, fraction?: number) => {
    const answer = await tracker.heartbeat({
      stage: claim.stage,
      claimId: claim.claimId,
      label,
      fraction,
    });
    if (answer.stop)
      controller.abort(new StageCancelled(answer.cancelled ? "cancelled" : "superseded"));
  };
  const heartbeats = setInterval(() => {
    beat().catch((error: unknown) => log.warn("stage.heartbeat_failed", { error }));
  }, claim.heartbeatEveryMs);
  const budget = setTimeout(
    () => controller.abort(new Error("stage time budget exhausted")),
    claim.budgetMs,
  );
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  try {
    const running = stage.run(
      {
        workflowId,
        options: claim.options,
        outputs: claim.outputs,
        signal: controller.signal,
        budgetEndsAt: Date.now() + claim.budgetMs,
        log,
        env,
        attempt,
        progress: (label, fraction) => beat(label, fraction),
        discord: stageDiscord(env, log, claim.locale ?? DEFAULT_LOCALE),
        files: r2StageFiles(env.RESULTS, workflowId),
      },
      claim.state,
    );
    // A stage that ignores its signal must not hold the consumer forever.
    const overdue = new Promise<never>((_, reject) => {
      giveUp = setTimeout(
        () => reject(new Error(`stage "${stage.name}" overran its ${claim.budgetMs} ms budget`)),
        claim.budgetMs + BUDGET_GRACE_MS,
      );
    });
    const result: JsonValue | StageYield = await Promise.race([running, overdue]);
    if (controller.signal.aborted && controller.signal.reason instanceof StageCancelled)
      throw controller.signal.reason;
    return result instanceof StageYield
      ? { kind: "yield", state: result.state, continueAfterMs: result.continueAfterMs }
      : { kind: "output", output: result };
  } finally {
    clearInterval(heartbeats);
    clearTimeout(budget);
    clearTimeout(giveUp);
  }
}

/**
 * Claim → run → complete, and on while the tracker hands over the next stage: one tracker call
 * per stage. A start message is admitted first (quota slot, tracker), in the call that claims. The message is acked only when its chain ended; if this consumer dies mid-chain,
 * the queue redelivers the message and the tracker gives its current stage to that delivery.
 */
export async function processStageMessage(message: Message<unknown>, env: Env): Promise<void> {
  const body = parseStageMessage(message.body);
  const log = createLogger({
    component: "stage-runner",
    workflowId: body?.workflowId,
    stage: body?.stage,
  });
  if (!body) {
    log.error("stage.bad_message", { messageId: message.id });
    message.ack(); // a malformed message can never succeed
    return;
  }
  const tracker = trackerStub(env, body.workflowId);
  const start = startInputOf(message.body, body.workflowId);
  const claimed = start
    ? await admitStart(env, body, start, message.attempts, log)
    : await tracker.claim({ ...body, deliveryAttempt: message.attempts });
  if (claimed.action === "skip") {
    log.info("stage.skipped", { reason: claimed.reason, invocation: body.invocation });
    message.ack();
    return;
  }
  const chainUntil = Date.now() + engineConfig(env).chainBudgetMs;
  let claim: StageClaim | undefined = claimed;
  while (claim) {
    const held: StageClaim = claim;
    const stageLog = log.with({ stage: held.stage, invocation: held.invocation });
    let outcome: StageOutcome;
    try {
      outcome = await runClaimed(env, tracker, body.workflowId, held, message.attempts, stageLog);
    } catch (error) {
      await reportFailure(env, tracker, message, held, error, stageLog);
      return;
    }
    const answer = await tracker.complete({
      stage: held.stage,
      invocation: held.invocation,
      claimId: held.claimId,
      outcome,
      chain: Date.now() < chainUntil,
    });
    if (!answer.accepted) stageLog.info("stage.completion_ignored", { reason: answer.reason });
    claim = answer.next;
  }
  message.ack();
}

async function reportFailure(
  env: Env,
  tracker: TrackerApi,
  message: Message<unknown>,
  claim: StageClaim,
  error: unknown,
  log: Logger,
): Promise<void> {
  if (error instanceof StageCancelled) {
    log.info("stage.stopped", { reason: error.message });
    message.ack();
    return;
  }
  const retryable = !isStageFatal(error);
  const text = error instanceof Error ? error.message : String(error);
  const retryInSeconds = queueRetryDelaySeconds(env, error, message.attempts);
  log.warn("stage.failed", { retryable, attempt: message.attempts, error });
  await tracker.fail({
    stage: claim.stage,
    invocation: claim.invocation,
    claimId: claim.claimId,
    error: text.slice(0, 1000),
    ...(error instanceof StageFatalError && error.shown ? { shown: error.shown } : {}),
    retryable,
    retryInSeconds,
  });
  // The queue's own redelivery retries the stage: the message carries it, whichever stage of
  // the chain it reached.
  if (retryable) message.retry({ delaySeconds: retryInSeconds });
  else message.ack();
}

export async function handleStageBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  await recordConsumerRun(env);
  // Messages of one batch belong to different workflows: run them side by side, ack each alone.
  await Promise.all(
    batch.messages.map((message) =>
      processStageMessage(message, env).catch((error: unknown) => {
        createLogger({ component: "stage-runner" }).error("stage.tracker_unreachable", { error });
        message.retry({ delaySeconds: queueRetryDelaySeconds(env, error, message.attempts) });
      }),
    ),
  );
}

/** Dead-letter queue: the stage was given up after its last retry; fail and tell the user. */
export async function handleDeadLetterBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      const body = parseStageMessage(message.body);
      const log = createLogger({ component: "dead-letter", workflowId: body?.workflowId });
      if (!body) {
        log.error("dead_letter.bad_message", { messageId: message.id });
        message.ack();
        return;
      }
      try {
        const tracker = trackerStub(env, body.workflowId);
        const ack = await tracker.deadLettered(body);
        log.warn("dead_letter.received", {
          stage: body.stage,
          accepted: ack.accepted,
          reason: ack.reason,
        });
        // A start message that never became a workflow: its user still sees "thinking…".
        const start = startInputOf(message.body, body.workflowId);
        if (start && !ack.accepted && (await tracker.status()) === null)
          await tellStartFailed(env, start, log);
        message.ack();
      } catch (error) {
        log.error("dead_letter.tracker_unreachable", { error });
        message.retry();
      }
    }),
  );
}

export type { StageMessage };
