// What a start that did not happen looks like. The command already answered "thinking…" (the
// start message was its only write), so the refusal (quota) or the failure (the start message
// was dead-lettered before any tracker existed) replaces that deferred reply in place.

import { engineConfig } from "../config.ts";
import { withAllowedMentions } from "../discord/allowed-mentions.ts";
import type { MessageEdit } from "../discord/client.ts";
import { createDiscordClient } from "../discord/create-client.ts";
import { isTokenDead } from "../discord/retries.ts";
import type { Logger } from "../log.ts";
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
  return `⏸️ You already have ${running.length} workflow${running.length === 1 ? "" : "s"} running, as many as allowed (or this server does); nothing was started.${list}\nCancel one with the Cancel button on its progress message or in \`/workflows\`, or wait for one to finish, then run the command again.`;
}

/** The start message kept failing before the workflow existed: nothing runs, nothing is kept. */
export const START_DEAD_LETTERED_TEXT =
  "⚠️ Sorry, I couldn't start that (nothing was started). Please try again in a minute.";

export function tellQuotaRefusal(
  env: Env,
  input: StartWorkflowInput,
  running: RunningWorkflow[],
  log: Logger,
): Promise<void> {
  return replaceDeferredReply(env, input, quotaRefusal(running), log);
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
  const waitMs = input.receivedAt + engineConfig(env).ackGraceMs - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
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
