import { engineConfig } from "../config.ts";
import { backoffWithJitter, isRetryable } from "../discord/retries.ts";
import { createLogger, type Logger } from "../log.ts";
import { recordConsumerRun } from "./consumer-liveness.ts";
import { type JsonValue, StageFatalError, StageYield } from "./definition.ts";
import { findWorkflow } from "./registry.ts";
import { parseStageMessage, type StageMessage } from "./stage-message.ts";
import { trackerStub } from "./start.ts";
import type { ClaimResult, StageOutcome } from "./tracker-types.ts";

/** How long after its budget a stage that ignores its AbortSignal is given before we stop waiting. */
const BUDGET_GRACE_MS = 1000;

class StageCancelled extends Error {
  override readonly name = "StageCancelled";
}

function queueRetryDelaySeconds(env: Env, attempts: number): number {
  const config = engineConfig(env);
  const ms = backoffWithJitter(attempts - 1, {
    baseMs: config.backoffBaseMs,
    capMs: config.backoffCapMs,
  });
  return Math.floor(ms / 1000);
}

/** Errors a retry cannot fix fail the workflow at once; everything else is retried by the queue. */
function isStageFatal(error: unknown): boolean {
  return error instanceof StageFatalError;
}

async function runClaimed(
  env: Env,
  message: StageMessage,
  claim: Extract<ClaimResult, { action: "run" }>,
  attempt: number,
  log: Logger,
): Promise<StageOutcome> {
  const definition = findWorkflow(claim.workflowName);
  const stage = definition?.stages[message.stage];
  if (!stage)
    throw new StageFatalError(`stage ${message.stage} of ${claim.workflowName} is unknown`);
  const tracker = trackerStub(env, message.workflowId);
  const controller = new AbortController();
  const budget = setTimeout(
    () => controller.abort(new Error("stage time budget exhausted")),
    claim.budgetMs,
  );
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  try {
    const running = stage.run(
      {
        workflowId: message.workflowId,
        options: claim.options,
        outputs: claim.outputs,
        signal: controller.signal,
        log,
        env,
        attempt,
        progress: async (label, fraction) => {
          const beat = await tracker.heartbeat({
            stage: message.stage,
            claimId: claim.claimId,
            label,
            fraction,
          });
          if (beat.stop)
            controller.abort(new StageCancelled(beat.cancelled ? "cancelled" : "superseded"));
        },
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
    clearTimeout(budget);
    clearTimeout(giveUp);
  }
}

/** Claim → run → complete/fail → ack. The consumer keeps no state; the tracker owns it. */
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
  const claim = await tracker.claim({ ...body, deliveryAttempt: message.attempts });
  if (claim.action === "skip") {
    log.info("stage.skipped", { reason: claim.reason, invocation: body.invocation });
    message.ack();
    return;
  }
  try {
    const outcome = await runClaimed(env, body, claim, message.attempts, log);
    const ack = await tracker.complete({ ...body, claimId: claim.claimId, outcome });
    if (!ack.accepted) log.info("stage.completion_ignored", { reason: ack.reason });
    message.ack();
  } catch (error) {
    if (error instanceof StageCancelled) {
      log.info("stage.stopped", { reason: error.message });
      message.ack();
      return;
    }
    const retryable = !isStageFatal(error);
    const text = error instanceof Error ? error.message : String(error);
    log.warn("stage.failed", {
      retryable,
      attempt: message.attempts,
      error,
      discordRetryable: isRetryable(error),
    });
    await tracker.fail({ ...body, claimId: claim.claimId, error: text.slice(0, 1000), retryable });
    if (retryable) message.retry({ delaySeconds: queueRetryDelaySeconds(env, message.attempts) });
    else message.ack();
  }
}

export async function handleStageBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  await recordConsumerRun(env);
  // Messages of one batch belong to different workflows: run them side by side, ack each alone.
  await Promise.all(
    batch.messages.map((message) =>
      processStageMessage(message, env).catch((error: unknown) => {
        createLogger({ component: "stage-runner" }).error("stage.tracker_unreachable", { error });
        message.retry({ delaySeconds: queueRetryDelaySeconds(env, message.attempts) });
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
        const ack = await trackerStub(env, body.workflowId).deadLettered(body);
        log.warn("dead_letter.received", {
          stage: body.stage,
          accepted: ack.accepted,
          reason: ack.reason,
        });
        message.ack();
      } catch (error) {
        log.error("dead_letter.tracker_unreachable", { error });
        message.retry();
      }
    }),
  );
}
