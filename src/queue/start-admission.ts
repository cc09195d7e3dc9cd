// The consumer's half of a start: the command only queued a start message (start.ts); here the
// quota slot is taken (exactly: one D1 statement) and the tracker created, before the first stage
// runs on that same message.

import type { Logger } from "../log.ts";
import { budgetLimits } from "../results/budget-limits.ts";
import { spentBudget } from "../results/budget-standing.ts";
import {
  claimRunningSlot,
  quotaLimits,
  refundCharge,
  releaseRunningSlot,
  runningWorkflowsOf,
} from "../results/quotas.ts";
import {
  type ClaimResult,
  type ResumePoint,
  type StageMessage,
  type StartWorkflowInput,
  trackerStub,
} from "../tracker/api.ts";
import { tellQuotaRefusal } from "./quota-refusal.ts";

/**
 * Admits a start message: quota slot, tracker, claim of the first stage (one tracker call). Safe
 * to repeat for duplicates, redeliveries and replayed interactions: the slot is keyed by the
 * workflow id ("held" on a repeat) and the tracker's first answer (workflow or refusal) stands.
 */
export async function admitStart(
  env: Env,
  message: StageMessage,
  input: StartWorkflowInput,
  deliveryAttempt: number,
  log: Logger,
): Promise<ClaimResult> {
  const limits = quotaLimits(env);
  const budgets = budgetLimits(env);
  const requests = input.outboundRequests ?? 0;
  const slot = await claimRunningSlot(
    env.DB,
    {
      workflowId: input.workflowId,
      userId: input.userId,
      guildId: input.guildId,
      command: input.name,
      input: input.inputLabel,
      requests,
    },
    limits,
    budgets,
    input.receivedAt,
  );
  const started = await trackerStub(env, input.workflowId).start({
    input: await withResume(env, input),
    quotaRefused: slot === "refused",
    claim: { stage: message.stage, invocation: message.invocation, deliveryAttempt },
  });
  // Slot free, yet a tracker had already decided (ended, or refused earlier): give it back.
  if (slot === "claimed" && started.outcome !== "created") {
    await releaseRunningSlot(env.DB, input.workflowId);
    if (started.outcome === "refused") await refundCharge(env.DB, input.workflowId);
  }
  if (started.outcome === "refused") {
    const running = await runningWorkflowsOf(env.DB, input.userId);
    const spent = await spentBudget(env.DB, { ...input, requests }, limits, budgets, Date.now());
    log.info("workflow.over_quota", {
      name: input.name,
      running: running.length,
      budget: spent?.budget ?? "running",
      scope: spent && "scope" in spent ? spent.scope : null,
    });
    await tellQuotaRefusal(env, input, { spent, running }, log);
    return { action: "skip", reason: "quota refused" };
  }
  if (started.outcome === "created")
    log.info("workflow.created", { name: input.name, queueWaitMs: Date.now() - input.receivedAt });
  return started.claim;
}

/** A resume point too large for the message was put in R2 by the command (start.ts). */
async function withResume(env: Env, input: StartWorkflowInput): Promise<StartWorkflowInput> {
  if (!input.resumeRef || input.resume) return input;
  const object = await env.RESULTS.get(input.resumeRef);
  if (!object) throw new Error(`resume point ${input.resumeRef} is missing`);
  return { ...input, resume: (await object.json()) as ResumePoint, resumeRef: null };
}
