import { queueHandoffProgress } from "../delivery/progress-target.ts";
import { MAX_DELIVERY_ATTEMPTS, retryDecision } from "../delivery/retry-policy.ts";
import { DELIVERY_RUNGS, type DeliveryRung, tryRung } from "../delivery/rungs.ts";
import { rawText } from "../discord/render/localized-text.ts";
import { fitResultFiles, linksForOversized } from "../file-replies/file-links.ts";
import type { Locale } from "../i18n/locales.ts";
import { countQuietly, incrementStatement } from "../results/counters.ts";
import type { DownloadLink } from "../results/files-note.ts";
import { resultActionsFor } from "../results/rerun.ts";
import { MAX_ATTACHMENT_BYTES, resultFiles, resultMessage } from "../results/result-message.ts";
import {
  clearScratch,
  loadStoredResult,
  recordDeliveryStatement,
  type StoredResult,
  type StoredResultMeta,
} from "../results/result-store.ts";
import { retentionSettings } from "../results/retention-settings.ts";
import type { JsonValue } from "../workflow/definition.ts";
import { workflowTitle } from "../workflow/registry.ts";
import { handoffOf } from "./handoff-columns.ts";
import type { TimerOutcome } from "./progress.ts";
import { progressMessage } from "./progress-message.ts";
import { localesOf } from "./row-locales.ts";
import type { TrackerRuntime } from "./runtime.ts";
import type { WorkflowRow } from "./schema.ts";
import { tokenDied } from "./session-closed.ts";
import { Timer } from "./timer-names.ts";
import { tokenAlive, tokenUsable } from "./token-clock.ts";

export function resultMetaOf(row: WorkflowRow): StoredResultMeta {
  return {
    workflowId: row.workflow_id,
    command: row.name,
    input: row.input_label,
    userId: row.user_id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    status: row.status as StoredResultMeta["status"],
    createdAt: row.received_at,
    completedAt: row.finished_at ?? row.received_at,
    error: row.error,
    options: JSON.parse(row.options_json) as JsonValue,
    locales: localesOf(row),
  };
}

/**
 * Signed download links for the files too large to attach (Discord's default upload limit; the
 * rungs past the token are not bound by the interaction's own). Null when links are off: the
 * message then points to /retrieve_results. Valid as long as retention keeps the result.
 */
async function oversizedLinks(
  rt: TrackerRuntime,
  resultKey: string,
  stored: StoredResult,
  limit: number,
  expiresAt: number,
): Promise<DownloadLink[] | null> {
  const files = resultFiles(stored.meta, stored.result).map((file) => ({
    file,
    key: `${resultKey}${file.name}`,
  }));
  const fitted = await linksForOversized(rt.env, files, limit, expiresAt);
  return fitted.ok ? fitted.links : null;
}

/**
 * The interaction's own upload limit, stored in the route plan at start. The rungs past the token
 * get the same: the smaller of it and Discord's default, so a file fits wherever it lands.
 */
function attachmentLimit(rt: TrackerRuntime): number {
  return Math.min(rt.routePlan.attachmentSizeLimit ?? MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES);
}

/**
 * The language a rung's message speaks: the owner's own in a DM, the workflow's public one
 * wherever others can see it.
 */
function rungLocale(rung: DeliveryRung, row: WorkflowRow): Locale {
  const locales = localesOf(row);
  return rung === "dm" ? locales.user : locales.public;
}

/**
 * Walks the ladder from the rung it reached last time; exactly one final message. The extras
 * (the /notify DM, the guild's callback) are armed only once the result is delivered or orphaned.
 */
export async function deliverResult(rt: TrackerRuntime, attempt: number): Promise<TimerOutcome> {
  const row = rt.store.workflow();
  if (row?.delivery_state !== "pending" || !row.result_key) return { done: true };
  const stored = await loadStoredResult(rt.env.RESULTS, row.result_key);
  if (!stored) {
    rt.log.error("result.missing_in_r2", { prefix: row.result_key });
    rt.store.updateWorkflow({ result_key: null });
    rt.store.schedule(Timer.persist, rt.now());
    return { done: true };
  }
  const ackAt = row.received_at + rt.config.ackGraceMs;
  if (row.delivery_rung === 0 && tokenAlive(row, rt.now()) && rt.now() < ackAt) {
    // Finished before Discord saw our deferred reply: wait for it rather than skip the rung.
    return { done: false, retryAt: ackAt };
  }
  const deps = { discord: rt.discord, env: rt.env, log: rt.log };
  const limit = attachmentLimit(rt);
  const expiresAt = rt.now() + retentionSettings(rt.env).resultRetentionMs;
  const links = await oversizedLinks(rt, row.result_key, stored, limit, expiresAt);
  const stageFiles = await fitResultFiles(
    rt.env,
    row.workflow_id,
    stored.result.files ?? [],
    limit,
    expiresAt,
  );
  for (let rung = row.delivery_rung; rung < DELIVERY_RUNGS.length; rung++) {
    const name = DELIVERY_RUNGS[rung] as DeliveryRung;
    const current = rt.store.workflow() as WorkflowRow;
    const locale = rungLocale(name, current);
    const title = workflowTitle(current.name, rawText(locale));
    const body = resultMessage(resultMetaOf(current), title, stored.result, {
      locale,
      mention: name !== "interaction",
      actions: resultActionsFor(stored.meta, locale),
      maxAttachmentBytes: limit,
      stageFiles,
      ...(links ? { links } : {}),
    });
    const outcome = await tryRung(
      name,
      {
        workflowId: current.workflow_id,
        applicationId: current.application_id,
        interactionToken: current.interaction_token,
        tokenUsable: tokenUsable(current, rt.now(), rt.config),
        userId: current.user_id,
        channelId: current.channel_id,
        handoff: handoffOf(current),
        plan: rt.routePlan,
      },
      body,
      deps,
    );
    if (outcome.kind === "delivered") {
      await recordDelivered(rt, current, name, outcome.messageId);
      await clearScratchOf(rt, current);
      return { done: true };
    }
    if (outcome.kind === "retry") {
      const decision = retryDecision(outcome, attempt, rt.config, rt.now());
      if (!decision.countsAsAttempt) {
        // The bot gate is closed: the result waits, persisted, without using up its attempts.
        rt.store.schedule(Timer.deliver, decision.at, { attempts: attempt });
        rt.event("delivery_waits_for_gate", { route: name });
        return { done: true };
      }
      if (attempt + 1 >= MAX_DELIVERY_ATTEMPTS) break;
      rt.event("delivery_retry", { route: name, attempt: attempt + 1 });
      return { done: false, retryAt: decision.at };
    }
    if (outcome.tokenDead) tokenDied(rt);
    rt.store.updateWorkflow({ delivery_rung: rung + 1 });
    rt.event("delivery_rung_impossible", { route: name, reason: outcome.reason.slice(0, 300) });
  }
  rt.store.updateWorkflow({ delivery_state: "orphaned" });
  rt.event("orphaned", { hint: "retrievable with /retrieve_results" });
  scheduleExtras(rt, rt.store.workflow() as WorkflowRow, true);
  rt.log.warn("result.orphaned");
  await clearScratchOf(rt, rt.store.workflow() as WorkflowRow);
  await countQuietly(rt.env.DB, "deliveries_total", { route: "orphaned" }, (error) =>
    rt.log.warn("counter.failed", { error }),
  );
  return { done: true };
}

/**
 * Stage scratch (e.g. an export's chunks) is not needed once a completed result is out; a failed
 * one keeps it for Retry. After the delivery, so it never delays one; best effort: retention
 * sweeps what is left with the prefix.
 */
async function clearScratchOf(rt: TrackerRuntime, row: WorkflowRow): Promise<void> {
  if (row.status !== "completed") return;
  await clearScratch(rt.env.RESULTS, row.workflow_id).catch((error: unknown) =>
    rt.log.warn("result.scratch_not_cleared", { error }),
  );
}

async function recordDelivered(
  rt: TrackerRuntime,
  row: WorkflowRow,
  route: DeliveryRung,
  messageId: string,
): Promise<void> {
  const at = rt.now();
  rt.store.updateWorkflow({
    delivery_state: "delivered",
    delivery_route: route,
    delivered_message_id: messageId,
    delivered_at: at,
  });
  rt.event("delivered", { route });
  scheduleExtras(rt, row, route !== "dm");
  // The index row's delivery and its counter are bookkeeping: one round trip, a failure logged.
  await rt.env.DB.batch([
    recordDeliveryStatement(rt.env.DB, row.workflow_id, route, at),
    incrementStatement(rt.env.DB, { name: "deliveries_total", labels: { route } }),
  ]).catch((error: unknown) => rt.log.error("result.record_delivery_failed", { error }));
  const handoff = handoffOf(row);
  if (handoff.route !== route) await closeHandoffMessage(rt, row);
}

/** After delivery, never before: a slow callback URL must not hold the result back. */
function scheduleExtras(rt: TrackerRuntime, row: WorkflowRow, notify: boolean): void {
  if (notify) rt.store.schedule(Timer.notify, rt.now());
  if (row.guild_id) rt.store.schedule(Timer.callback, rt.now());
}

/** The handoff progress message should not keep a live Cancel button once the result is out. */
async function closeHandoffMessage(rt: TrackerRuntime, row: WorkflowRow): Promise<void> {
  const body = progressMessage(row, rt.title, rt.now(), rt.liveViewUrl);
  try {
    await queueHandoffProgress(rt.env, row.workflow_id, handoffOf(row), body);
  } catch (error) {
    rt.log.info("handoff.close_failed", { error });
  }
}
