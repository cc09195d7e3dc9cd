import type { APIMessage } from "discord-api-types/v10";
import type { DiscordClient, WebhookMessage } from "../discord/client.ts";
import {
  isDmImpossible,
  isFatal,
  isGone,
  isOutcomeUnknown,
  isPermissionDenied,
  isRetryable,
  isTokenDead,
  isWebhookGone,
} from "../discord/retries.ts";
import type { Logger } from "../log.ts";
import type { Sealer } from "../secrets/sealer.ts";
import { postThroughChannelWebhook } from "./channel-webhooks.ts";
import { shortNonce } from "./nonce.ts";

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
  handoff:
    | { route: "webhook"; webhookId: string; webhookToken: string; messageId: string }
    | { route: "channel"; channelId: string; messageId: string }
    | null;
}

export type RungOutcome =
  | { kind: "delivered"; messageId: string }
  /** This rung cannot work for this workflow: try the next one. */
  | { kind: "impossible"; reason: string; tokenDead?: boolean }
  /** Try the same rung again later (429, 5xx, timeout). */
  | { kind: "retry"; error: unknown };

export interface LadderDeps {
  discord: DiscordClient;
  db: D1Database;
  sealer: Sealer;
  log: Logger;
}

async function sendOnRung(
  rung: DeliveryRung,
  target: DeliveryTarget,
  body: WebhookMessage,
  deps: LadderDeps,
): Promise<APIMessage | null> {
  const { discord, db, sealer } = deps;
  switch (rung) {
    case "interaction":
      if (!target.tokenUsable) return null;
      return discord.editOriginalResponse(target.applicationId, target.interactionToken, body);
    case "webhook":
      if (target.handoff?.route === "webhook") {
        const { webhookId, webhookToken, messageId } = target.handoff;
        return discord.editWebhookMessage(webhookId, webhookToken, messageId, body);
      }
      if (!target.channelId) return null;
      return (await postThroughChannelWebhook({ db, sealer }, discord, target.channelId, body))
        .message;
    case "channel":
      if (target.handoff?.route === "channel") {
        const { channelId, messageId } = target.handoff;
        return discord.editChannelMessage(channelId, messageId, body);
      }
      if (!target.channelId) return null;
      return discord.createChannelMessage(target.channelId, {
        ...body,
        nonce: await shortNonce(target.workflowId, "final"),
        enforce_nonce: true,
      });
    case "dm": {
      const dm = await discord.openDmChannel(target.userId);
      return discord.createChannelMessage(dm.id, {
        ...body,
        nonce: await shortNonce(target.workflowId, "final-dm"),
        enforce_nonce: true,
      });
    }
  }
}

/**
 * Tries one rung. Errors are classified here, never thrown: a dead token or a closed path
 * moves down the ladder; a transient failure stays on this rung.
 */
export async function tryRung(
  rung: DeliveryRung,
  target: DeliveryTarget,
  body: WebhookMessage,
  deps: LadderDeps,
): Promise<RungOutcome> {
  try {
    const message = await sendOnRung(rung, target, body, deps);
    if (!message) return { kind: "impossible", reason: `no ${rung} route for this workflow` };
    return { kind: "delivered", messageId: message.id };
  } catch (error) {
    if (isTokenDead(error))
      return { kind: "impossible", reason: "interaction token dead", tokenDead: true };
    if (
      isPermissionDenied(error) ||
      isDmImpossible(error) ||
      isGone(error) ||
      isWebhookGone(error)
    ) {
      return { kind: "impossible", reason: (error as Error).message };
    }
    if (isOutcomeUnknown(error)) deps.log.warn("delivery.outcome_unknown", { rung, error });
    if (isRetryable(error)) return { kind: "retry", error };
    if (isFatal(error)) deps.log.error("delivery.fatal", { rung, error });
    else deps.log.error("delivery.unexpected", { rung, error });
    // Our body or credentials are wrong for this path; a lower rung may still work.
    return { kind: "impossible", reason: error instanceof Error ? error.message : String(error) };
  }
}
