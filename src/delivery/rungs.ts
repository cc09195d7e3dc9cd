import type { APIMessage } from "discord-api-types/v10";
import { sendInChannel } from "../channel/outbox-client.ts";
import type { OutboxResult, OutboxSend } from "../channel/outbox-types.ts";
import { gateClosureFor } from "../discord/bot-gate-port.ts";
import type { DiscordClient, WebhookMessage } from "../discord/client.ts";
import { GateClosedError } from "../discord/errors.ts";
import {
  isDmImpossible,
  isGone,
  isOutcomeUnknown,
  isPermissionDenied,
  isRetryable,
  isTokenDead,
  isWebhookGone,
} from "../discord/retries.ts";
import type { Logger } from "../log.ts";
import { shortNonce } from "../results/nonce.ts";
import type { HandoffTarget } from "./handoff-target.ts";
import type { RoutePlan } from "./route-plan.ts";

/** The rungs, in order; each is tried only when the one above is impossible. */
export const DELIVERY_RUNGS = ["interaction", "webhook", "channel", "dm"] as const;
export type DeliveryRung = (typeof DELIVERY_RUNGS)[number];

export interface DeliveryTarget {
  workflowId: string;
  applicationId: string;
  interactionToken: string;
  /** Whether the token clock still allows an interaction-token call. */
  tokenUsable: boolean;
  userId: string;
  channelId: string | null;
  /** The progress message the bot already owns (handoff): editing it is idempotent. */
  handoff: HandoffTarget;
  plan: RoutePlan;
}

export type RungOutcome =
  | { kind: "delivered"; messageId: string }
  /** This rung cannot work for this workflow: try the next one. */
  | { kind: "impossible"; reason: string; tokenDead?: boolean }
  /** Try the same rung again later (429, 5xx, timeout, or the bot gate is closed). */
  | { kind: "retry"; error?: unknown; retryAfterMs?: number; gateClosed: boolean };

export interface RungDeps {
  discord: DiscordClient;
  env: Env;
  log: Logger;
}

/** The channel rungs go through the channel's outbox; its answer maps onto the ladder. */
function fromOutbox(result: OutboxResult): RungOutcome {
  switch (result.kind) {
    case "sent":
      return { kind: "delivered", messageId: result.messageId };
    case "retry":
      return { kind: "retry", retryAfterMs: result.retryAfterMs, gateClosed: result.gateClosed };
    case "unknown":
      // Never repeat an execute Discord may have done: the nonce-enforced bot message is next.
      return { kind: "impossible", reason: `outcome unknown: ${result.reason}` };
    case "impossible":
      return { kind: "impossible", reason: result.reason };
  }
}

async function channelRung(
  rung: "webhook" | "channel",
  target: DeliveryTarget,
  body: WebhookMessage,
  env: Env,
): Promise<RungOutcome> {
  const { handoff, plan } = target;
  if (handoff.route === rung) {
    const request: OutboxSend =
      handoff.route === "webhook"
        ? { kind: "webhook_edit", webhookId: handoff.webhookId, messageId: handoff.messageId, body }
        : { kind: "bot_edit", messageId: handoff.messageId, body };
    return fromOutbox(await sendInChannel(env, handoff.channelId, request, target.workflowId));
  }
  // Progress already lives in a bot message (the webhook was impossible or its execute's outcome
  // unknown): the result goes there too, not into a second message through the webhook.
  if (rung === "webhook" && handoff.route === "channel")
    return { kind: "impossible", reason: "the workflow's message is a bot message" };
  if (!target.channelId || !plan[rung])
    return { kind: "impossible", reason: `no ${rung} route for this workflow` };
  const key = `${target.workflowId}:final-${rung}`;
  const request: OutboxSend =
    rung === "webhook"
      ? { kind: "webhook_post", body, key }
      : { kind: "bot_post", body, key, nonce: await shortNonce(target.workflowId, "final") };
  return fromOutbox(await sendInChannel(env, target.channelId, request));
}

async function directRung(
  rung: "interaction" | "dm",
  target: DeliveryTarget,
  body: WebhookMessage,
  discord: DiscordClient,
): Promise<APIMessage | null> {
  if (rung === "interaction") {
    if (!target.tokenUsable) return null;
    return discord.editOriginalResponse(target.applicationId, target.interactionToken, body);
  }
  const dm = await discord.openDmChannel(target.userId);
  return discord.createChannelMessage(dm.id, {
    ...body,
    nonce: await shortNonce(target.workflowId, "final-dm"),
    enforce_nonce: true,
  });
}

/**
 * Tries one rung. Errors are classified here, never thrown: a dead token or a closed path moves
 * down the ladder; a transient failure or a closed bot gate stays on this rung.
 */
export async function tryRung(
  rung: DeliveryRung,
  target: DeliveryTarget,
  body: WebhookMessage,
  deps: RungDeps,
): Promise<RungOutcome> {
  if (rung === "webhook" || rung === "channel") return channelRung(rung, target, body, deps.env);
  try {
    const message = await directRung(rung, target, body, deps.discord);
    if (!message) return { kind: "impossible", reason: `no ${rung} route for this workflow` };
    return { kind: "delivered", messageId: message.id };
  } catch (error) {
    if (isTokenDead(error))
      return { kind: "impossible", reason: "interaction token dead", tokenDead: true };
    if (error instanceof GateClosedError || gateClosureFor(error))
      return { kind: "retry", error, gateClosed: true };
    if (isPermissionDenied(error) || isDmImpossible(error) || isGone(error) || isWebhookGone(error))
      return { kind: "impossible", reason: (error as Error).message };
    if (isOutcomeUnknown(error)) deps.log.warn("delivery.outcome_unknown", { rung, error });
    if (isRetryable(error)) return { kind: "retry", error, gateClosed: false };
    deps.log.error("delivery.unexpected", { rung, error });
    // Our body is wrong for this path; a lower rung may still work.
    return { kind: "impossible", reason: error instanceof Error ? error.message : String(error) };
  }
}
