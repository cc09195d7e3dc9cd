// What a start that did not happen looks like. The command already answered "thinking…" (the
// start message was its only write). A refusal (quota) is told to the user alone and the
// "thinking…" deleted; a failure (the start message was dead-lettered before any tracker
// existed) replaces that deferred reply in place.

import { engineConfig } from "../config.ts";
import { withAllowedMentions } from "../discord/allowed-mentions.ts";
import type { FollowupMessage, MessageEdit } from "../discord/client.ts";
import { MessageFlags } from "../discord/constants.ts";
import { createDiscordClient } from "../discord/create-client.ts";
import { discordText } from "../discord/render/localized-text.ts";
import { codeSpan } from "../discord/render/safe-text.ts";
import { isGone, isTokenDead } from "../discord/retries.ts";
import type { Locale } from "../i18n/locales.ts";
import { type Translate, trusted } from "../i18n/translator.ts";
import { ENGLISH_LOCALES, type WorkflowLocales } from "../i18n/workflow-locales.ts";
import type { Logger } from "../log.ts";
import type { SpentBudget } from "../results/budget-standing.ts";
import type { RunningWorkflow } from "../results/quotas.ts";
import type { StartWorkflowInput } from "../tracker/api.ts";

/**
 * Discord shows `<t:…:R>` as "in 3 hours" / "vor 5 Minuten" in the reader's own language. A
 * start rounds down, a refill up (never sooner than it is).
 */
const relative = (ms: number, round: (seconds: number) => number = Math.ceil) =>
  trusted(`<t:${round(ms / 1000)}:R>`);

/**
 * The refusal, listing what runs. The list names each run by id, command and start time, never
 * by its input (a URL may be private).
 */
export function quotaRefusal(t: Translate, running: RunningWorkflow[]): string {
  const list = running
    .map((w) =>
      t("engine.quotaRunningItem", {
        workflowId: trusted(codeSpan(w.workflow_id, 100)),
        // A kind's registered name, not outside text: shown as the user typed it.
        command: trusted(w.command),
        startedAt: relative(w.started_at, Math.floor),
      }),
    )
    .map((line) => `\n${line}`)
    .join("");
  return t("engine.quotaUserRunning", { count: running.length, list: trusted(list) });
}

/**
 * The refusal for the budget that is spent: which one, when it refills, and what can be done
 * now. `null` (the budget freed up between the claim and this read) reads as the user's own.
 */
export function budgetRefusal(
  t: Translate,
  spent: SpentBudget | null,
  running: RunningWorkflow[],
): string {
  if (!spent || (spent.budget === "running" && spent.scope === "user"))
    return quotaRefusal(t, running);
  if (spent.budget === "running") return t("engine.quotaServerRunning", { limit: spent.limit });
  if (spent.budget === "global_running")
    return t("engine.quotaGlobalRunning", { limit: spent.limit });
  const mine = spent.scope === "user";
  if (spent.budget === "daily_runs")
    return spent.refillsAt === null
      ? t("engine.quotaDailyRunsNoRefill", { mine, limit: spent.limit })
      : t("engine.quotaDailyRuns", {
          mine,
          limit: spent.limit,
          refillsAt: relative(spent.refillsAt),
        });
  if (spent.refillsAt === null)
    return t("engine.quotaRequestsOverBudget", { mine, needed: spent.needed, limit: spent.limit });
  return t("engine.quotaRequestsLeft", {
    mine,
    needed: spent.needed,
    limit: spent.limit,
    left: spent.left,
    refillsAt: relative(spent.refillsAt),
  });
}

/** The start message kept failing before the workflow existed: nothing runs, nothing is kept. */
export function startFailedText(locale: Locale): string {
  return discordText(locale)("engine.startFailed");
}

/**
 * The refusal is said to the user alone (an ephemeral follow-up), and the channel's "thinking…"
 * is deleted: which budget a user spent is nobody else's business. Posted before the delete, so a
 * failure in between leaves the user told; a redelivery after the delete finds the reply gone and
 * says nothing twice.
 */
export async function tellQuotaRefusal(
  env: Env,
  input: StartWorkflowInput,
  why: { spent: SpentBudget | null; running: RunningWorkflow[] },
  log: Logger,
): Promise<void> {
  // Only its user sees it: in the user's language.
  const refusal = budgetRefusal(discordText(localesOfStart(input).user), why.spent, why.running);
  await afterAckGrace(env, input);
  const discord = createDiscordClient(env, { maxRetries: 0, maxWaitMs: 0 });
  const { applicationId, interactionToken } = input;
  try {
    await discord.getOriginalResponse(applicationId, interactionToken);
  } catch (error) {
    if (isGone(error)) return;
    if (!isTokenDead(error)) throw error;
    log.warn("workflow.start_outcome_untold", { reason: "token dead" });
    return;
  }
  await tellOrGiveUp(log, () =>
    discord.createFollowupMessage(
      applicationId,
      interactionToken,
      withAllowedMentions<FollowupMessage>({ content: refusal, flags: MessageFlags.Ephemeral }),
    ),
  );
  await tellOrGiveUp(log, () => discord.deleteOriginalResponse(applicationId, interactionToken));
}

async function tellOrGiveUp(log: Logger, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!isTokenDead(error)) throw error;
    log.warn("workflow.start_outcome_untold", { reason: "token dead" });
  }
}

/** A start queued before languages existed carries none: English. */
function localesOfStart(input: StartWorkflowInput): WorkflowLocales {
  return input.locales ?? ENGLISH_LOCALES;
}

/** No interaction-token call before Discord has surely seen the deferred reply (10062). */
async function afterAckGrace(env: Env, input: StartWorkflowInput): Promise<void> {
  const waitMs = input.receivedAt + engineConfig(env).ackGraceMs - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}

export function tellStartFailed(env: Env, input: StartWorkflowInput, log: Logger): Promise<void> {
  // It replaces the deferred reply the channel sees: in the public language.
  return replaceDeferredReply(env, input, startFailedText(localesOfStart(input).public), log);
}

/**
 * Edits the deferred reply. Not before the ack grace (an edit Discord may not have seen the reply
 * for answers 10062); the wait is at most that grace, once per message. A repeat (redelivered
 * message) makes the same edit again. A dead token is the end of it: the user saw "thinking…"
 * fail; anything else throws, and the queue retries the message.
 */
async function replaceDeferredReply(
  env: Env,
  input: StartWorkflowInput,
  content: string,
  log: Logger,
): Promise<void> {
  await afterAckGrace(env, input);
  const discord = createDiscordClient(env, { maxRetries: 0, maxWaitMs: 0 });
  try {
    await discord.editOriginalResponse(
      input.applicationId,
      input.interactionToken,
      withAllowedMentions<MessageEdit>({ content }),
    );
  } catch (error) {
    if (!isTokenDead(error)) throw error;
    log.warn("workflow.start_outcome_untold", { reason: "token dead" });
  }
}
