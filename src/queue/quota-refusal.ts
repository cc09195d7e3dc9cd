// What a start that did not happen looks like. The command already answered "thinking…" (the
// start message was its only write), so the refusal (quota) or the failure (the start message
// was dead-lettered before any tracker existed) replaces that deferred reply in place.

import { engineConfig } from "../config.ts";
import { withAllowedMentions } from "../discord/allowed-mentions.ts";
import type { FollowupMessage, MessageEdit } from "../discord/client.ts";
import { MessageFlags } from "../discord/constants.ts";
import { createDiscordClient } from "../discord/create-client.ts";
import { isGone, isTokenDead } from "../discord/retries.ts";
import type { Logger } from "../log.ts";
import type { SpentBudget } from "../results/budget-standing.ts";
import type { RunningWorkflow } from "../results/quotas.ts";
import type { StartWorkflowInput } from "../tracker/api.ts";

/**
 * The refusal, listing what runs. The deferred reply it replaces is visible to the channel, so
 * the list names each run by id, command and start time, never by its input (a URL may be
 * private).
 */
export function quotaRefusal(running: RunningWorkflow[]): string {
  const lines = running.map(
    (w) => `• \`${w.workflow_id}\` ${w.command} · started <t:${Math.floor(w.started_at / 1000)}:R>`,
  );
  const list = lines.length > 0 ? `\n${lines.join("\n")}` : "";
  return `⏸️ You already have ${running.length} workflow${running.length === 1 ? "" : "s"} running, as many as allowed; nothing was started.${list}\nCancel one with the Cancel button on its progress message or in \`/workflows\`, or wait for one to finish, then run the command again.`;
}

const NOT_STARTED = "nothing was started";
const relative = (ms: number) => `<t:${Math.ceil(ms / 1000)}:R>`;
const count = (n: number) => n.toLocaleString("en-US");

/**
 * The refusal for the budget that is spent: which one, when it refills, and what can be done
 * now. `null` (the budget freed up between the claim and this read) reads as the user's own.
 */
export function budgetRefusal(spent: SpentBudget | null, running: RunningWorkflow[]): string {
  if (!spent || (spent.budget === "running" && spent.scope === "user"))
    return quotaRefusal(running);
  if (spent.budget === "running")
    return `⏸️ This server already has ${count(spent.limit)} workflows running, as many as allowed; ${NOT_STARTED}. A slot frees as soon as one of them finishes: try again in a few minutes.`;
  if (spent.budget === "global_running")
    return `⏸️ The bot is running as many workflows as it allows at once (${count(spent.limit)}, everyone's together); ${NOT_STARTED}. A slot frees as soon as one finishes: try again in a few minutes.`;
  const whose = spent.scope === "user" ? "Your" : "This server's";
  if (spent.budget === "daily_runs")
    return `⏸️ ${whose} budget of ${count(spent.limit)} runs a day is used up; ${NOT_STARTED}. It refills ${spent.refillsAt === null ? "as earlier runs age out of the day" : relative(spent.refillsAt)}. Until then, earlier results stay available with \`/retrieve_results\`.`;
  const need = `This run would make up to ${count(spent.needed)} requests to web sites`;
  if (spent.refillsAt === null)
    return `⏸️ ${need}, more than ${whose.toLowerCase()} whole daily budget of ${count(spent.limit)}; ${NOT_STARTED}. Choose a lighter run (for example a shallower depth).`;
  return `⏸️ ${need}; ${whose.toLowerCase()} daily budget of ${count(spent.limit)} has ${count(spent.left)} left, so ${NOT_STARTED}. Enough refills ${relative(spent.refillsAt)}. Now: a lighter run that needs at most ${count(spent.left)} requests (for example a shallower depth) fits.`;
}

/** The start message kept failing before the workflow existed: nothing runs, nothing is kept. */
export const START_DEAD_LETTERED_TEXT =
  "⚠️ Sorry, I couldn't start that (nothing was started). Please try again in a minute.";

/**
 * The refusal is said to the user alone (an ephemeral follow-up), and the channel's "thinking…"
 * is deleted: which budget a user spent is nobody else's business. Posted before the delete, so a
 * failure in between leaves the user told; a redelivery after the delete finds the reply gone and
 * says nothing twice.
 */
export async function tellQuotaRefusal(
  env: Env,
  input: StartWorkflowInput,
  refusal: string,
  log: Logger,
): Promise<void> {
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

/** No interaction-token call before Discord has surely seen the deferred reply (10062). */
async function afterAckGrace(env: Env, input: StartWorkflowInput): Promise<void> {
  const waitMs = input.receivedAt + engineConfig(env).ackGraceMs - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}

export function tellStartFailed(env: Env, input: StartWorkflowInput, log: Logger): Promise<void> {
  return replaceDeferredReply(env, input, START_DEAD_LETTERED_TEXT, log);
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
