import { queueProgressEdit } from "../channel/outbox-client.ts";
import type { MessageBody } from "../discord/client.ts";
import { type HandoffTarget, ownedMessage } from "./handoff-target.ts";

/**
 * Progress past the handoff goes to the channel's outbox, which paces and coalesces the edits of
 * every workflow in the channel. False when the workflow owns no message yet.
 */
export async function queueHandoffProgress(
  env: Env,
  workflowId: string,
  handoff: HandoffTarget,
  body: MessageBody,
): Promise<boolean> {
  const owned = ownedMessage(handoff);
  if (!owned) return false;
  const target =
    owned.route === "webhook"
      ? { route: "webhook" as const, webhookId: owned.webhookId, messageId: owned.messageId }
      : { route: "channel" as const, messageId: owned.messageId };
  await queueProgressEdit(env, owned.channelId, { workflowId, target, body });
  return true;
}
