import type { Sealer } from "../secrets/sealer.ts";

export const WEBHOOK_NAME = "Longflow results";

export interface ChannelWebhook {
  id: string;
  token: string;
}

/** The row's token is sealed (src/secrets/sealer.ts) and bound to the row it was written in. */
const tokenContext = (channelId: string) => `channel_webhooks.webhook_token:${channelId}`;

/**
 * A channel webhook cached in D1 by versions before the channel outbox (src/channel/) owned the
 * webhook. Read once per channel so the outbox adopts it instead of creating a second one. The
 * token was sealed at rest (or is plaintext from before sealing); one that does not open (no key,
 * a retired key, altered) counts as none cached, and the outbox creates a new webhook.
 */
export async function cachedChannelWebhook(
  db: D1Database,
  sealer: Sealer,
  channelId: string,
): Promise<ChannelWebhook | null> {
  const row = await db
    .prepare("SELECT webhook_id, webhook_token FROM channel_webhooks WHERE channel_id = ?")
    .bind(channelId)
    .first<{ webhook_id: string; webhook_token: string }>();
  if (!row) return null;
  const opened = await sealer.open(row.webhook_token, tokenContext(channelId));
  // Not re-sealed: the outbox keeps the token in its own storage and never reads this row again.
  return opened ? { id: row.webhook_id, token: opened.value } : null;
}

/** Once the outbox holds the adopted webhook, its token leaves D1 (sealed or not). */
export async function forgetCachedChannelWebhook(
  db: D1Database,
  channelId: string,
  webhookId: string,
): Promise<void> {
  await db
    .prepare("DELETE FROM channel_webhooks WHERE channel_id = ? AND webhook_id = ?")
    .bind(channelId, webhookId)
    .run();
}
