import { backoffOf } from "../config.ts";
import { postHandoffMessage } from "../delivery/handoff-post.ts";
import { queueHandoffProgress } from "../delivery/progress-target.ts";
import { hasRoutePastToken } from "../delivery/route-plan.ts";
import { MessageFlags } from "../discord/constants.ts";
import { discordText } from "../discord/render/localized-text.ts";
import {
  isGone,
  isPermissionDenied,
  isTokenDead,
  isWebhookGone,
  retryDelayMs,
} from "../discord/retries.ts";
import { handoffColumns, handoffOf } from "./handoff-columns.ts";
import { expiryWarning, handoffPointer, progressMessage, startNotice } from "./progress-message.ts";
import { localesOf } from "./row-locales.ts";
import type { TrackerRuntime } from "./runtime.ts";
import { isActive } from "./schema.ts";
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
  const delay = retryDelayMs(error, attempt, backoffOf(rt.config));
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
    // Past the handoff, the channel's outbox paces and coalesces the edit with its neighbours'.
    const queued = await queueHandoffProgress(rt.env, row.workflow_id, handoffOf(row), body);
    if (!queued && tokenUsable(row, now, config))
      await discord.editOriginalResponse(row.application_id, row.interaction_token, body);
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
export function requestFlush(rt: Pick<TrackerRuntime, "store" | "config" | "now">): void {
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
    const noRoute = !hasRoutePastToken(rt.routePlan);
    const { user } = localesOf(row);
    const notices = [
      ...(row.estimate_ms > rt.config.longWorkflowNoticeMs
        ? [startNotice(user, row.workflow_id, row.estimate_ms)]
        : []),
      ...(noRoute ? [discordText(user)("engine.noRouteWarning")] : []),
    ];
    if (notices.length === 0) return DONE;
    await rt.discord.createFollowupMessage(row.application_id, row.interaction_token, {
      content: notices.join("\n"),
      flags: MessageFlags.Ephemeral,
    });
    rt.event("start_notice_sent", { noRoute });
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
      content: expiryWarning(localesOf(row).user, row.workflow_id, row.token_expires_at - now),
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

/** Before the token dies, progress moves to a message the bot owns and keeps going there. */
export async function performHandoff(rt: TrackerRuntime, _attempt: number): Promise<TimerOutcome> {
  const row = rt.store.workflow();
  if (!row || !isActive(row.status) || row.handoff_route) return DONE;
  if (!row.channel_id) {
    rt.store.updateWorkflow({ handoff_route: "none" });
    return DONE;
  }
  const body = progressMessage(row, rt.title, rt.now(), rt.liveViewUrl, rt.notices.lines());
  const posted = await postHandoffMessage(
    rt.env,
    row.workflow_id,
    row.channel_id,
    rt.routePlan,
    body,
  );
  if (posted.kind === "impossible") {
    rt.log.warn("handoff.impossible", { reason: posted.reason });
    rt.store.updateWorkflow({ handoff_route: "none" });
    rt.event("handoff_failed", { reason: posted.reason.slice(0, 300) });
    return DONE;
  }
  if (posted.kind === "retry") {
    // The channel's bucket or the bot gate: come back when it allows (not an error).
    return { done: false, retryAt: rt.now() + Math.max(1, posted.retryAfterMs) };
  }
  const target = posted.target;
  if (target.route !== "webhook" && target.route !== "channel") return DONE;
  rt.store.updateWorkflow({ ...handoffColumns(target), last_flush_at: rt.now() });
  rt.event("handoff", { route: target.route });
  const now = rt.now();
  if (tokenUsable(row, now, rt.config)) {
    try {
      await rt.discord.editOriginalResponse(row.application_id, row.interaction_token, {
        content: handoffPointer(
          localesOf(row).public,
          row.channel_id,
          target.messageId,
          row.guild_id,
        ),
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
