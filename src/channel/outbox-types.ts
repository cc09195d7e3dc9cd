import type { MessageBody } from "../discord/client.ts";

/** A message the bot sends in a channel, through that channel's outbox. */
export type OutboxSend =
  /**
   * A new message through the channel's webhook (created on first use). `key` names the post
   * (e.g. "<workflow>:handoff"): a repeat with the same key gets the first answer, not a 2nd post.
   */
  | { kind: "webhook_post"; body: MessageBody; key: string }
  /** Edit a message posted through the channel's webhook. */
  | { kind: "webhook_edit"; webhookId: string; messageId: string; body: MessageBody }
  /** A new bot message; the nonce makes a repeat return the first message. */
  | { kind: "bot_post"; body: MessageBody; nonce: string; key: string }
  | { kind: "bot_edit"; messageId: string; body: MessageBody };

/** What became of a send. Plain data: it crosses the RPC boundary. */
export type OutboxResult =
  | { kind: "sent"; messageId: string; webhookId?: string }
  /** This path cannot work here (no permission, webhook or message gone…): try another. */
  | { kind: "impossible"; reason: string; code?: number }
  /** Not sent, or failed transiently: send again after `retryAfterMs`. */
  | { kind: "retry"; retryAfterMs: number; reason: string; gateClosed: boolean }
  /** A webhook execute timed out: Discord may have posted it; never repeat it blindly. */
  | { kind: "unknown"; reason: string };

/** A progress edit of one workflow's handoff message; the latest per workflow wins. */
export interface ProgressEdit {
  workflowId: string;
  target:
    | { route: "webhook"; webhookId: string; messageId: string }
    | { route: "channel"; messageId: string };
  body: MessageBody;
}

export interface OutboxWebhookView {
  webhookId: string | null;
  created: number;
  pendingEdits: number;
}
