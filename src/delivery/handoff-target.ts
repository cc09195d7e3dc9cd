import type { WorkflowRow } from "../tracker/schema.ts";

/**
 * Where a workflow's progress lives once the interaction token is gone: the one typed value for
 * the tracker's five handoff columns. Decoded here and nowhere else.
 */
export type HandoffTarget =
  /** Not handed off yet. */
  | { route: "pending" }
  /** Tried and impossible (no channel, no permission): progress stays in the event log. */
  | { route: "none" }
  | { route: "webhook"; channelId: string; webhookId: string; messageId: string }
  | { route: "channel"; channelId: string; messageId: string };

export type HandoffColumns = Pick<
  WorkflowRow,
  | "handoff_route"
  | "handoff_webhook_id"
  | "handoff_webhook_token"
  | "handoff_channel_id"
  | "handoff_message_id"
>;

export function handoffOf(row: HandoffColumns): HandoffTarget {
  const {
    handoff_route: route,
    handoff_channel_id: channelId,
    handoff_message_id: messageId,
  } = row;
  if (route === null) return { route: "pending" };
  if (route === "webhook" && channelId && messageId && row.handoff_webhook_id)
    return { route, channelId, webhookId: row.handoff_webhook_id, messageId };
  if (route === "channel" && channelId && messageId) return { route, channelId, messageId };
  return { route: "none" };
}

/** The columns for a target. The webhook's token is never stored here: the channel outbox owns it. */
export function handoffColumns(target: HandoffTarget): HandoffColumns {
  return {
    handoff_route: target.route === "pending" ? null : target.route,
    handoff_webhook_id: target.route === "webhook" ? target.webhookId : null,
    handoff_webhook_token: null,
    handoff_channel_id:
      target.route === "webhook" || target.route === "channel" ? target.channelId : null,
    handoff_message_id:
      target.route === "webhook" || target.route === "channel" ? target.messageId : null,
  };
}

/** A message the bot owns and can keep editing. */
export function ownedMessage(
  target: HandoffTarget,
): Extract<HandoffTarget, { route: "webhook" | "channel" }> | null {
  return target.route === "webhook" || target.route === "channel" ? target : null;
}
