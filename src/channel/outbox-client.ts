import type { ChannelOutbox } from "./channel-outbox.ts";
import type { OutboxResult, OutboxSend, ProgressEdit } from "./outbox-types.ts";

/** The channel's outbox: one Durable Object per channel id. */
export function channelOutbox(env: Env, channelId: string): DurableObjectStub<ChannelOutbox> {
  return env.CHANNEL_OUTBOX.get(env.CHANNEL_OUTBOX.idFromName(channelId));
}

/** A failed RPC is a transient failure of the send: the caller tries again later. */
const RPC_RETRY_MS = 1000;

/** Sends through the channel's outbox; never throws. */
export async function sendInChannel(
  env: Env,
  channelId: string,
  request: OutboxSend,
  finalFor?: string,
): Promise<OutboxResult> {
  try {
    return await channelOutbox(env, channelId).send(channelId, request, finalFor);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // A webhook post whose RPC broke may have been executed: its outcome is unknown.
    if (request.kind === "webhook_post") return { kind: "unknown", reason };
    return { kind: "retry", retryAfterMs: RPC_RETRY_MS, reason, gateClosed: false };
  }
}

export async function queueProgressEdit(
  env: Env,
  channelId: string,
  edit: ProgressEdit,
): Promise<void> {
  await channelOutbox(env, channelId).queueEdit(channelId, edit);
}
