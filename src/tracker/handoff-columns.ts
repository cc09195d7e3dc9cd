import type { HandoffTarget } from "../delivery/handoff-target.ts";
import type { WorkflowRow } from "./schema.ts";

// The tracker's five handoff columns, decoded here and nowhere else.

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
