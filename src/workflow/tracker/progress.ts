import type { APIMessage } from "discord-api-types/v10";
import { MessageFlags } from "../../discord/constants.ts";
import { isGone, isPermissionDenied, isTokenDead, isWebhookGone } from "../../discord/retries.ts";
import { postThroughChannelWebhook } from "../../results/channel-webhooks.ts";
import { shortNonce } from "../../results/nonce.ts";
import { sealerFor } from "../../secrets/sealer.ts";
import {
  expiryWarning,
  handoffPointer,
  progressMessage,
  startNotice,
} from "../progress-message.ts";
import { retryDelayFor, type TrackerRuntime } from "./runtime.ts";
import { isActive, type WorkflowRow } from "./schema.ts";
import { tokenDied } from "./session-closed.ts";
import { Timer } from "./timer-names.ts";
import { scheduleWarning, tokenUsable } from "./token-clock.ts";

/** Outcome of one timer run: done, or run again at `retryAt`. */
export type TimerOutcome = { done: true } | { done: false; retryAt: number };

const DONE: TimerOutcome = { done: true };

function handleFailure(
  rt: TrackerRuntime,
  timer: string,
  attempt: number,
  error: unknown,
): TimerOutcome {
  const now = rt.now();
  if (isTokenDead(error)) {
    // The race between our check and Discord's clock: expected, not an error, no cascade.
    rt.log.warn("token.died_early", { timer });
    tokenDied(rt);
    rt.event("token_dead", { timer });
    return timer === Timer.flush ? { done: false, retryAt: now } : DONE;
  }
  const delay = retryDelayFor(error, attempt, rt.config);
  if (delay !== null) return { done: false, retryAt: now + delay };
  rt.log.warn("discord.gave_up", { timer, error });
  return DONE;
}

/** Coalesced progress edit: at most one per interval, always the latest state. */
export async function flushProgress(rt: TrackerRuntime, attempt: number): Promise<TimerOutcome> {
  const { store, config, discord } = rt;
  const row = store.workflow();
  if (!row || row.progress_version <= row.flushed_version) return DONE;
  const now = rt.now();
  const earliest = row.last_flush_at + config.progressMinIntervalMs;
  if (now < earliest) return { done: false, retryAt: earliest };
  const version = row.progress_version;
  const body = progressMessage(row, rt.title, now, rt.liveViewUrl, rt.notices.lines());
  try {
    if (
      row.handoff_message_id &&
      row.handoff_route === "webhook" &&
      row.handoff_webhook_id &&
      row.handoff_webhook_token
    ) {
      await discord.editWebhookMessage(
        row.handoff_webhook_id,
        row.handoff_webhook_token,
        row.handoff_message_id,
        body,
      );
    } else if (
      row.handoff_message_id &&
      row.handoff_route === "channel" &&
      row.handoff_channel_id
    ) {
      await discord.editChannelMessage(row.handoff_channel_id, row.handoff_message_id, body);
    } else if (tokenUsable(row, now, config)) {
      await discord.editOriginalResponse(row.application_id, row.interaction_token, body);
    }
    // Nowhere to show it (token dead, no handoff message): the state is still in the event log.
  } catch (error) {
    if (
      isTokenDead(error) ||
      !(isPermissionDenied(error) || isGone(error) || isWebhookGone(error))
    ) {
      return handleFailure(rt, Timer.flush, attempt, error);
    }
    rt.log.warn("progress.target_gone", { error });
  }
  store.updateWorkflow({ flushed_version: version, last_flush_at: rt.now() });
  const latest = store.workflow();
  if (latest && latest.progress_version > version) {
    return { done: false, retryAt: rt.now() + config.progressMinIntervalMs };
  }
  return DONE;
}

/** Schedules a flush; an earlier pending flush is kept (coalescing). */
export function requestFlush(rt: TrackerRuntime): void {
  const row = rt.store.workflow();
  if (!row) return;
  // Not before Discord has surely seen the deferred reply: a workflow that ends within the ack
  // grace needs no progress edit at all, and a fast chain of stages arms this timer only once.
  const due = Math.max(
    rt.now(),
    row.last_flush_at + rt.config.progressMinIntervalMs,
    row.received_at + rt.config.ackGraceMs,
  );
  rt.store.schedule(Timer.flush, due, { keepEarlier: true });
}

export async function sendStartNotice(rt: TrackerRuntime, attempt: number): Promise<TimerOutcome> {
  const row = rt.store.workflow();
  if (!row || !isActive(row.status) || !tokenUsable(row, rt.now(), rt.config)) return DONE;
  try {
    await rt.discord.createFollowupMessage(row.application_id, row.interaction_token, {
      content: startNotice(row.workflow_id, row.estimate_ms),
      flags: MessageFlags.Ephemeral,
    });
    rt.event("start_notice_sent");
    return DONE;
  } catch (error) {
    return handleFailure(rt, Timer.startNotice, attempt, error);
  }
}

export async function sendWarning(
  rt: TrackerRuntime,
  index: number,
  attempt: number,
): Promise<TimerOutcome> {
  const row = rt.store.workflow();
  const now = rt.now();
  if (!row || !isActive(row.status) || !tokenUsable(row, now, rt.config)) return DONE;
  // A late alarm may find a later warning due too: send only the latest, keeping the order.
  const offsets = rt.config.tokenWarningOffsetsMs;
  let latest = index;
  while (latest + 1 < offsets.length && row.token_expires_at - (offsets[latest + 1] ?? 0) <= now)
    latest++;
  try {
    await rt.discord.createFollowupMessage(row.application_id, row.interaction_token, {
      content: expiryWarning(row.workflow_id, row.token_expires_at - now),
      flags: MessageFlags.Ephemeral,
    });
    rt.event("token_warning", { index: latest, msLeft: row.token_expires_at - now });
  } catch (error) {
    return handleFailure(rt, Timer.warning, attempt, error);
  }
  // The same row carries the next warning (the handler's own re-schedule is kept).
  scheduleWarning(rt.store, row, rt.config, latest + 1);
  return DONE;
}

async function postHandoffMessage(
  rt: TrackerRuntime,
  row: WorkflowRow,
): Promise<Partial<WorkflowRow> & { handoff_message_id: string }> {
  const channelId = row.channel_id as string;
  const body = progressMessage(row, rt.title, rt.now(), rt.liveViewUrl, rt.notices.lines());
  try {
    const { webhook, message } = await postThroughChannelWebhook(
      { db: rt.env.DB, sealer: sealerFor(rt.env) },
      rt.discord,
      channelId,
      body,
    );
    return {
      handoff_route: "webhook",
      handoff_webhook_id: webhook.id,
      handoff_webhook_token: webhook.token,
      handoff_channel_id: channelId,
      handoff_message_id: message.id,
    };
  } catch (error) {
    if (!isPermissionDenied(error)) throw error;
    rt.log.info("handoff.webhook_denied", { channelId });
  }
  const message: APIMessage = await rt.discord.createChannelMessage(channelId, {
    ...body,
    nonce: await shortNonce(row.workflow_id, "handoff"),
    enforce_nonce: true,
  });
  return {
    handoff_route: "channel",
    handoff_channel_id: channelId,
    handoff_message_id: message.id,
  };
}

/** Before the token dies, progress moves to a message the bot owns and keeps going there. */
export async function performHandoff(rt: TrackerRuntime, attempt: number): Promise<TimerOutcome> {
  const row = rt.store.workflow();
  if (!row || !isActive(row.status) || row.handoff_route) return DONE;
  if (!row.channel_id) {
    rt.store.updateWorkflow({ handoff_route: "none" });
    return DONE;
  }
  let handoff: Partial<WorkflowRow> & { handoff_message_id: string };
  try {
    handoff = await postHandoffMessage(rt, row);
  } catch (error) {
    if (isPermissionDenied(error) || isGone(error)) {
      rt.log.warn("handoff.impossible", { error });
      rt.store.updateWorkflow({ handoff_route: "none" });
      rt.event("handoff_failed", {
        reason: error instanceof Error ? error.message : String(error),
      });
      return DONE;
    }
    return handleFailure(rt, Timer.handoff, attempt, error);
  }
  rt.store.updateWorkflow({ ...handoff, last_flush_at: rt.now() });
  rt.event("handoff", { route: handoff.handoff_route });
  const now = rt.now();
  if (tokenUsable(row, now, rt.config)) {
    try {
      await rt.discord.editOriginalResponse(row.application_id, row.interaction_token, {
        content: handoffPointer(row.channel_id, handoff.handoff_message_id, row.guild_id),
        components: [],
      });
    } catch (error) {
      // Best effort: the new message already carries the progress.
      if (isTokenDead(error)) tokenDied(rt);
      else rt.log.info("handoff.pointer_failed", { error });
    }
  }
  return DONE;
}
