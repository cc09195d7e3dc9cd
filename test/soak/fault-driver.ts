// Applies one soak workflow's fault schedule against the emulator, the queue and its tracker,
// each fault at its planned instant after the command was sent. Bounded by the workflow's end.
import { evictDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { emulator } from "../helpers/emulator.ts";
import type { RequestWatch } from "./request-watch.ts";
import type { FaultTarget, SoakPlan } from "./soak-plan.ts";
import { workflowIdsByPlan } from "./soak-workflow.ts";

export interface SoakActor {
  userId: string;
  guildId: string;
  channelId: string;
  token: string;
}

export interface AppliedFaults {
  /** When the test killed the token (emulator time), or null. */
  tokenKilledAt: number | null;
  notes: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function matchFor(on: FaultTarget, actor: SoakActor): string {
  return on === "token" ? actor.token : `/channels/${actor.channelId}`;
}

/** `always`: runs even after the workflow ended (lifting a fault must not be skipped). */
type TimedFault = { atMs: number; apply: () => Promise<void>; always?: boolean };

export async function driveFaults(
  plan: SoakPlan,
  actor: SoakActor,
  sentAt: number,
  watch: RequestWatch,
  finished: () => boolean,
): Promise<AppliedFaults> {
  const applied: AppliedFaults = { tokenKilledAt: null, notes: [] };
  if (plan.channelLocked)
    await emulator.injectFault({
      match: `/channels/${actor.channelId}/`,
      kind: "missing_permission",
      times: -1,
    });
  if (plan.dmClosed)
    await emulator.injectFault({
      match: "/users/@me/channels",
      bodyMatch: actor.userId,
      kind: "dm_closed",
      times: -1,
    });
  const workflowId = () => workflowIdsByPlan.get(plan.index);
  const faults: TimedFault[] = [];
  if (plan.tokenDeathAtMs !== null)
    faults.push({
      atMs: plan.tokenDeathAtMs,
      apply: async () => {
        applied.tokenKilledAt = Date.now();
        await emulator.expireToken(actor.token);
      },
    });
  const storm = plan.rateLimitStorm;
  if (storm)
    faults.push({
      atMs: storm.atMs,
      apply: async () => {
        await emulator.injectFault({
          match: matchFor(storm.on, actor),
          kind: "rate_limit",
          times: storm.times,
          retryAfterSeconds: storm.retryAfterSeconds,
        });
      },
    });
  const errors = plan.serverErrors;
  if (errors)
    faults.push({
      atMs: errors.atMs,
      apply: async () => {
        await emulator.injectFault({
          match: matchFor(errors.on, actor),
          kind: "server_error",
          times: errors.times,
          status: errors.status,
        });
      },
    });
  const hang = plan.hang;
  if (hang)
    faults.push({
      atMs: hang.atMs,
      apply: async () => {
        await emulator.injectFault({ match: matchFor(hang.on, actor), kind: "hang", times: 1 });
      },
    });
  const global429 = plan.globalRateLimit;
  if (global429)
    faults.push({
      atMs: global429.atMs,
      apply: async () => {
        await emulator.injectFault({
          match: matchFor("channel", actor),
          kind: "rate_limit",
          global: true,
          retryAfterSeconds: global429.retryAfterSeconds,
        });
      },
    });
  const ban = plan.ban;
  if (ban) {
    // Every call for this channel (its webhook too, once made) is banned until the ban lifts.
    const banned: string[] = [];
    faults.push({
      atMs: ban.atMs,
      apply: async () => {
        const webhookId = watch.webhookOf(actor.channelId);
        // Matches no other fault of this channel exactly, so lifting it removes only the ban.
        banned.push(
          `channels/${actor.channelId}`,
          ...(webhookId ? [`webhooks/${webhookId}/`] : []),
        );
        for (const match of banned)
          await emulator.injectFault({ match, kind: "cloudflare_ban", times: -1 });
        applied.notes.push("banned");
      },
    });
    faults.push({
      atMs: ban.atMs + ban.durationMs,
      always: true,
      apply: async () => {
        for (const match of banned) await emulator.clearFaults(match);
      },
    });
  }
  for (const atMs of plan.duplicateAtMs)
    faults.push({
      atMs,
      apply: async () => {
        const id = workflowId();
        if (id)
          await env.STAGES.send({ workflowId: id, stage: Math.floor(atMs) % 3, invocation: 1 });
      },
    });
  for (const atMs of plan.evictionAtMs)
    faults.push({
      atMs,
      apply: async () => {
        const id = workflowId();
        if (!id) return;
        try {
          await evictDurableObject(env.WORKFLOWS.get(env.WORKFLOWS.idFromName(id)));
        } catch (error) {
          // A tracker idle long enough (its stage waiting in the queue) is already out of
          // memory: the fault has nothing left to do.
          if (!String(error).includes("not currently running")) throw error;
          applied.notes.push("tracker already evicted");
        }
      },
    });
  faults.sort((a, b) => a.atMs - b.atMs);
  for (const fault of faults) {
    if (finished() && !fault.always) continue;
    const wait = sentAt + fault.atMs - Date.now();
    if (wait > 0) await sleep(wait);
    if (finished() && !fault.always) continue;
    await fault.apply();
  }
  if (plan.deleteWebhookAfterMs !== null)
    await deleteWebhookOnceMade(plan.deleteWebhookAfterMs, actor, watch, finished, applied);
  return applied;
}

/** Someone deletes the bot's channel webhook a moment after the bot made it. */
async function deleteWebhookOnceMade(
  delayMs: number,
  actor: SoakActor,
  watch: RequestWatch,
  finished: () => boolean,
  applied: AppliedFaults,
): Promise<void> {
  while (!finished()) {
    const webhookId = watch.webhookOf(actor.channelId);
    if (webhookId) {
      await sleep(delayMs);
      await emulator.api(`/webhooks/${webhookId}`, { method: "DELETE" });
      applied.notes.push("webhook deleted");
      return;
    }
    await sleep(250);
  }
}
