import { sendInChannel } from "../channel/outbox-client.ts";
import type { OutboxResult } from "../channel/outbox-types.ts";
import type { MessageBody } from "../discord/client.ts";
import { shortNonce } from "../results/nonce.ts";
import type { HandoffTarget } from "./handoff-target.ts";
import type { RoutePlan } from "./route-plan.ts";

export type HandoffPostOutcome =
  | { kind: "posted"; target: HandoffTarget }
  | { kind: "impossible"; reason: string }
  | { kind: "retry"; retryAfterMs: number; gateClosed: boolean };

/**
 * Posts the message progress moves to before the token dies: through the channel's webhook when
 * the plan allows it, else as a bot message (nonce-enforced, so a repeat returns the first).
 * An execute with an unknown outcome is not repeated: the bot message follows instead.
 */
export async function postHandoffMessage(
  env: Env,
  workflowId: string,
  channelId: string,
  plan: RoutePlan,
  body: MessageBody,
): Promise<HandoffPostOutcome> {
  let last: OutboxResult | null = null;
  if (plan.webhook) {
    const key = `${workflowId}:handoff`;
    last = await sendInChannel(env, channelId, { kind: "webhook_post", body, key });
    if (last.kind === "sent" && last.webhookId)
      return {
        kind: "posted",
        target: {
          route: "webhook",
          channelId,
          webhookId: last.webhookId,
          messageId: last.messageId,
        },
      };
    if (last.kind === "retry") return last;
  }
  if (plan.channel) {
    const nonce = await shortNonce(workflowId, "handoff");
    const key = `${workflowId}:handoff-bot`;
    last = await sendInChannel(env, channelId, { kind: "bot_post", body, nonce, key });
    if (last.kind === "sent")
      return { kind: "posted", target: { route: "channel", channelId, messageId: last.messageId } };
    if (last.kind === "retry") return last;
  }
  const reason = last && last.kind !== "sent" ? last.reason : "no route past the token here";
  return { kind: "impossible", reason };
}
