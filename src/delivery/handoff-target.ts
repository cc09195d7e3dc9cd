/**
 * Where a workflow's progress lives once the interaction token is gone: the one typed value for
 * it; the tracker stores it in its handoff columns (src/tracker/handoff-columns.ts).
 */
export type HandoffTarget =
  /** Not handed off yet. */
  | { route: "pending" }
  /** Tried and impossible (no channel, no permission): progress stays in the event log. */
  | { route: "none" }
  | { route: "webhook"; channelId: string; webhookId: string; messageId: string }
  | { route: "channel"; channelId: string; messageId: string };

/** A message the bot owns and can keep editing. */
export function ownedMessage(
  target: HandoffTarget,
): Extract<HandoffTarget, { route: "webhook" | "channel" }> | null {
  return target.route === "webhook" || target.route === "channel" ? target : null;
}
