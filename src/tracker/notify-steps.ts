import { backoffOf } from "../config.ts";
import { NO_MENTIONS } from "../discord/allowed-mentions.ts";
import { discordText, rawText } from "../discord/render/localized-text.ts";
import { codeSpan, plainText } from "../discord/render/safe-text.ts";
import {
  isDmImpossible,
  isPermissionDenied,
  isRetryable,
  retryDelayOrCapMs,
} from "../discord/retries.ts";
import { trusted } from "../i18n/translator.ts";
import { callbackPolicyFromEnv, postCallback } from "../notifications/callback.ts";
import { guildCallback, wantsDmNotification } from "../notifications/settings.ts";
import { retrieveHint } from "../results/files-note.ts";
import { shortNonce } from "../results/nonce.ts";
import { loadStoredResult } from "../results/result-store.ts";
import { statusText } from "../results/status-text.ts";
import { sealerFor } from "../secrets/sealer.ts";
import { workflowTitle } from "../workflow/registry.ts";
import type { TimerOutcome } from "./progress.ts";
import { localesOf } from "./row-locales.ts";
import type { TrackerRuntime } from "./runtime.ts";

/** Bounded retries for the extras: a notification is not worth retrying forever. */
export const MAX_NOTIFY_ATTEMPTS = 5;

function retryLater(
  rt: TrackerRuntime,
  attempt: number,
  error: unknown,
  giveUp: string,
): TimerOutcome {
  if (attempt + 1 >= MAX_NOTIFY_ATTEMPTS) {
    rt.event(giveUp, { attempts: attempt + 1 });
    return { done: true };
  }
  return {
    done: false,
    retryAt: rt.now() + retryDelayOrCapMs(error, attempt, backoffOf(rt.config)),
  };
}

/**
 * /notify on: a DM when a result is ready, besides the normal delivery; once per result. In the
 * owner's language (the summary is the result's own, in the workflow's public language).
 */
export async function notifyStep(rt: TrackerRuntime, attempt: number): Promise<TimerOutcome> {
  const row = rt.store.workflow();
  if (!row || !(await wantsDmNotification(rt.env.DB, row.user_id))) return { done: true };
  const stored = row.result_key ? await loadStoredResult(rt.env.RESULTS, row.result_key) : null;
  const summary = stored?.result.summary ?? "";
  const locale = localesOf(row).user;
  const t = discordText(locale);
  try {
    const dm = await rt.discord.openDmChannel(row.user_id);
    await rt.discord.createChannelMessage(dm.id, {
      content: t("results.notify.ready", {
        title: workflowTitle(row.name, rawText(locale)),
        input: trusted(codeSpan(row.input_label, 200)),
        status: statusText(t, row.status),
        summary: trusted(plainText(summary, 600)),
        command: trusted(retrieveHint(row.workflow_id)),
      }),
      nonce: await shortNonce(row.workflow_id, "notify"),
      enforce_nonce: true,
      allowed_mentions: NO_MENTIONS,
    });
  } catch (error) {
    if (isDmImpossible(error) || isPermissionDenied(error) || !isRetryable(error)) {
      rt.log.info("notify.impossible", { error });
      rt.event("notify_failed");
      return { done: true };
    }
    return retryLater(rt, attempt, error, "notify_gave_up");
  }
  rt.event("notified");
  return { done: true };
}

/** The guild's callback: the finished workflow as signed JSON, retried with bounded backoff. */
export async function callbackStep(rt: TrackerRuntime, attempt: number): Promise<TimerOutcome> {
  const row = rt.store.workflow();
  if (!row?.guild_id) return { done: true };
  const callback = await guildCallback(rt.env.DB, sealerFor(rt.env), row.guild_id);
  if (!callback) return { done: true };
  const stored = row.result_key ? await loadStoredResult(rt.env.RESULTS, row.result_key) : null;
  const payload = {
    workflowId: row.workflow_id,
    command: row.name,
    input: row.input_label,
    status: row.status,
    summary: stored?.result.summary ?? null,
    error: row.error,
    userId: row.user_id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    createdAt: row.received_at,
    completedAt: row.finished_at,
    retrieve: `/retrieve_results workflow_id:${row.workflow_id}`,
  };
  // One delivery per workflow: its id is the webhook-id, the same on every retry.
  const outcome = await postCallback(
    callback,
    `msg_${row.workflow_id}`,
    payload,
    callbackPolicyFromEnv(rt.env),
    rt.now(),
  );
  if (outcome.kind === "delivered") {
    rt.event("callback_delivered", { status: outcome.status });
    return { done: true };
  }
  if (outcome.kind === "refused") {
    rt.log.warn("callback.refused", { reason: outcome.reason });
    rt.event("callback_refused", { reason: outcome.reason });
    return { done: true };
  }
  rt.log.info("callback.retry", { attempt, reason: outcome.reason });
  return retryLater(rt, attempt, null, "callback_gave_up");
}
