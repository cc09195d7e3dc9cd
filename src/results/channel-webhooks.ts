import type { APIMessage } from "discord-api-types/v10";
import type { DiscordClient, WebhookMessage } from "../discord/client.ts";
import { isWebhookGone } from "../discord/retries.ts";

export const WEBHOOK_NAME = "Longflow results";

export interface ChannelWebhook {
  id: string;
  token: string;
}

async function cached(db: D1Database, channelId: string): Promise<ChannelWebhook | null> {
  const row = await db
    .prepare("SELECT webhook_id, webhook_token FROM channel_webhooks WHERE channel_id = ?")
    .bind(channelId)
    .first<{ webhook_id: string; webhook_token: string }>();
  return row ? { id: row.webhook_id, token: row.webhook_token } : null;
}

async function create(
  db: D1Database,
  discord: DiscordClient,
  channelId: string,
): Promise<ChannelWebhook> {
  const webhook = await discord.createChannelWebhook(channelId, WEBHOOK_NAME);
  if (!webhook.token) throw new Error("Discord returned a webhook without a token");
  await db
    .prepare(
      "INSERT INTO channel_webhooks (channel_id, webhook_id, webhook_token, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(channel_id) DO UPDATE SET webhook_id = excluded.webhook_id, webhook_token = excluded.webhook_token, created_at = excluded.created_at",
    )
    .bind(channelId, webhook.id, webhook.token, Date.now())
    .run();
  return { id: webhook.id, token: webhook.token };
}

async function forget(db: D1Database, channelId: string, webhookId: string): Promise<void> {
  await db
    .prepare("DELETE FROM channel_webhooks WHERE channel_id = ? AND webhook_id = ?")
    .bind(channelId, webhookId)
    .run();
}

/**
 * Posts through the channel's bot-created webhook (created once, cached in D1). A webhook that
 * was deleted (10015) is forgotten and created again, once.
 */
export async function postThroughChannelWebhook(
  db: D1Database,
  discord: DiscordClient,
  channelId: string,
  body: WebhookMessage,
): Promise<{ webhook: ChannelWebhook; message: APIMessage }> {
  const existing = await cached(db, channelId);
  const webhook = existing ?? (await create(db, discord, channelId));
  try {
    return { webhook, message: await discord.executeWebhook(webhook.id, webhook.token, body) };
  } catch (error) {
    if (!existing || !isWebhookGone(error)) throw error;
    await forget(db, channelId, webhook.id);
    const fresh = await create(db, discord, channelId);
    return { webhook: fresh, message: await discord.executeWebhook(fresh.id, fresh.token, body) };
  }
}
