export const WEBHOOK_NAME = "Longflow results";

export interface ChannelWebhook {
  id: string;
  token: string;
}

/**
 * A channel webhook cached in D1 by versions before the channel outbox (src/channel/) owned the
 * webhook. Read once per channel so the outbox adopts it instead of creating a second one.
 */
export async function cachedChannelWebhook(
  db: D1Database,
  channelId: string,
): Promise<ChannelWebhook | null> {
  const row = await db
    .prepare("SELECT webhook_id, webhook_token FROM channel_webhooks WHERE channel_id = ?")
    .bind(channelId)
    .first<{ webhook_id: string; webhook_token: string }>();
  return row ? { id: row.webhook_id, token: row.webhook_token } : null;
}
