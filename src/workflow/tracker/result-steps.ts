import { countQuietly } from "../../results/counters.ts";
import { DELIVERY_RUNGS, type DeliveryTarget, tryRung } from "../../results/delivery-ladder.ts";
import { resultMessage } from "../../results/result-message.ts";
import {
  loadStoredResult,
  persistResult,
  recordDelivery,
  type StoredResultMeta,
} from "../../results/result-store.ts";
import { sealerFor } from "../../secrets/sealer.ts";
import type { JsonValue, WorkflowResult } from "../definition.ts";
import { progressMessage } from "../progress-message.ts";
import { releaseRunningSlot } from "../quotas.ts";
import { findWorkflow } from "../registry.ts";
import { resultActionsFor } from "../rerun.ts";
import type { TimerOutcome } from "./progress.ts";
import { retryDelayFor, type TrackerRuntime } from "./runtime.ts";
import type { WorkflowRow } from "./schema.ts";
import { persistReason, tokenDied } from "./session-closed.ts";
import { Timer } from "./timer-names.ts";
import { tokenAlive, tokenUsable } from "./token-clock.ts";

/** Transient failures on one rung before the result is left for the cron to re-drive. */
export const MAX_DELIVERY_ATTEMPTS = 8;

type EndStatus = StoredResultMeta["status"];

function metaOf(row: WorkflowRow): StoredResultMeta {
  return {
    workflowId: row.workflow_id,
    command: row.name,
    input: row.input_label,
    userId: row.user_id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    status: row.status as EndStatus,
    createdAt: row.received_at,
    completedAt: row.finished_at ?? row.received_at,
    error: row.error,
    options: JSON.parse(row.options_json) as JsonValue,
  };
}

function buildResult(
  row: WorkflowRow,
  outputs: Record<string, JsonValue>,
  rt: TrackerRuntime,
): WorkflowResult {
  const definition = findWorkflow(row.name);
  try {
    if (!definition) throw new Error(`unknown workflow ${row.name}`);
    return definition.buildResult({
      options: JSON.parse(row.options_json) as JsonValue,
      outputs,
      status: row.status as EndStatus,
      ...(row.error ? { error: row.error } : {}),
    });
  } catch (error) {
    // A broken report builder must not lose what the stages produced.
    rt.log.error("result.build_failed", { error });
    return {
      summary:
        row.error ?? "The report could not be assembled; the raw stage outputs are attached.",
      markdown: `# ${row.name}\n\n${row.error ?? ""}\n\n\`\`\`json\n${JSON.stringify(outputs, null, 2)}\n\`\`\`\n`,
      data: outputs,
    };
  }
}

/** Persist, then deliver: R2 and D1 first; only then is the deliver timer armed. */
export async function persistStep(
  rt: TrackerRuntime,
  outputs: Record<string, JsonValue>,
): Promise<TimerOutcome> {
  const row = rt.store.workflow();
  if (!row || row.result_key) return { done: true };
  await releaseRunningSlot(rt.env.DB, row.workflow_id);
  const prefix = await persistResult(rt.env, metaOf(row), buildResult(row, outputs, rt));
  rt.store.updateWorkflow({ result_key: prefix, delivery_state: "pending", delivery_rung: 0 });
  rt.store.schedule(Timer.deliver, rt.now());
  if (row.guild_id) rt.store.schedule(Timer.callback, rt.now());
  rt.event("result_persisted", { prefix });
  const logCountFailure = (error: unknown) => rt.log.warn("counter.failed", { error });
  await countQuietly(
    rt.env.DB,
    "workflow_results_persisted_total",
    { reason: persistReason(row, rt.now()) },
    logCountFailure,
  );
  await countQuietly(
    rt.env.DB,
    "workflows_finished_total",
    { status: row.status },
    logCountFailure,
  );
  return { done: true };
}

/** Walks the ladder from the rung it reached last time; exactly one final message. */
export async function deliverStep(rt: TrackerRuntime, attempt: number): Promise<TimerOutcome> {
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
  const deps = { discord: rt.discord, db: rt.env.DB, sealer: sealerFor(rt.env), log: rt.log };
  for (let rung = row.delivery_rung; rung < DELIVERY_RUNGS.length; rung++) {
    const name = DELIVERY_RUNGS[rung] as (typeof DELIVERY_RUNGS)[number];
    const current = rt.store.workflow() as WorkflowRow;
    const body = resultMessage(metaOf(current), rt.title, stored.result, {
      mention: name !== "interaction",
      actions: resultActionsFor(stored.meta),
    });
    const handoff = handoffTarget(current);
    const outcome = await tryRung(
      name,
      {
        workflowId: current.workflow_id,
        applicationId: current.application_id,
        interactionToken: current.interaction_token,
        tokenUsable: tokenUsable(current, rt.now(), rt.config),
        userId: current.user_id,
        channelId: current.channel_id,
        handoff,
      },
      body,
      deps,
    );
    if (outcome.kind === "delivered") {
      const at = rt.now();
      rt.store.updateWorkflow({
        delivery_state: "delivered",
        delivery_route: name,
        delivered_message_id: outcome.messageId,
        delivered_at: at,
      });
      rt.event("delivered", { route: name });
      if (name !== "dm") rt.store.schedule(Timer.notify, at);
      await recordDelivery(rt.env.DB, current.workflow_id, name, at).catch((error: unknown) =>
        rt.log.error("result.record_delivery_failed", { error }),
      );
      await countQuietly(rt.env.DB, "deliveries_total", { route: name }, (error) =>
        rt.log.warn("counter.failed", { error }),
      );
      if (current.handoff_route !== null && current.handoff_route !== name)
        await closeHandoffMessage(rt, current);
      return { done: true };
    }
    if (outcome.kind === "retry") {
      if (attempt + 1 >= MAX_DELIVERY_ATTEMPTS) break;
      const delay = retryDelayFor(outcome.error, attempt, rt.config) ?? rt.config.backoffCapMs;
      rt.event("delivery_retry", { route: name, attempt: attempt + 1 });
      return { done: false, retryAt: rt.now() + delay };
    }
    if (outcome.tokenDead) tokenDied(rt);
    rt.store.updateWorkflow({ delivery_rung: rung + 1 });
    rt.event("delivery_rung_impossible", { route: name, reason: outcome.reason.slice(0, 300) });
  }
  rt.store.updateWorkflow({ delivery_state: "orphaned" });
  rt.event("orphaned", { hint: "retrievable with /retrieve_results" });
  rt.store.schedule(Timer.notify, rt.now());
  rt.log.warn("result.orphaned");
  await countQuietly(rt.env.DB, "deliveries_total", { route: "orphaned" }, (error) =>
    rt.log.warn("counter.failed", { error }),
  );
  return { done: true };
}

function handoffTarget(row: WorkflowRow): DeliveryTarget["handoff"] {
  if (!row.handoff_message_id) return null;
  if (row.handoff_route === "webhook" && row.handoff_webhook_id && row.handoff_webhook_token) {
    return {
      route: "webhook",
      webhookId: row.handoff_webhook_id,
      webhookToken: row.handoff_webhook_token,
      messageId: row.handoff_message_id,
    };
  }
  if (row.handoff_route === "channel" && row.handoff_channel_id) {
    return {
      route: "channel",
      channelId: row.handoff_channel_id,
      messageId: row.handoff_message_id,
    };
  }
  return null;
}

/** The handoff progress message should not keep a live Cancel button once the result is out. */
async function closeHandoffMessage(rt: TrackerRuntime, row: WorkflowRow): Promise<void> {
  if (!row.handoff_message_id) return;
  const body = progressMessage(row, rt.title, rt.now(), rt.liveViewUrl);
  try {
    if (row.handoff_route === "webhook" && row.handoff_webhook_id && row.handoff_webhook_token) {
      await rt.discord.editWebhookMessage(
        row.handoff_webhook_id,
        row.handoff_webhook_token,
        row.handoff_message_id,
        body,
      );
    } else if (row.handoff_route === "channel" && row.handoff_channel_id) {
      await rt.discord.editChannelMessage(row.handoff_channel_id, row.handoff_message_id, body);
    }
  } catch (error) {
    rt.log.info("handoff.close_failed", { error });
  }
}
