import type { APIMessage } from "discord-api-types/v10";
import type { DiscordClient, WebhookMessage } from "../discord/client.ts";
import { isWebhookGone } from "../discord/retries.ts";
import { MissingEncryptionKeyError, type Sealer } from "../secrets/sealer.ts";

export const WEBHOOK_NAME = "Longflow results";

export interface ChannelWebhook {
  id: string;
  token: string;
}

/** Where a channel's webhook token is stored: sealed (src/secrets/sealer.ts), bound to the row. */
export interface WebhookStore {
  db: D1Database;
  sealer: Sealer;
}

const tokenContext = (channelId: string) => `channel_webhooks.webhook_token:${channelId}`;

async function save(store: WebhookStore, channelId: string, webhook: ChannelWebhook) {
  const sealed = await store.sealer.seal(webhook.token, tokenContext(channelId));
  await store.db
    .prepare(
      "INSERT INTO channel_webhooks (channel_id, webhook_id, webhook_token, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(channel_id) DO UPDATE SET webhook_id = excluded.webhook_id, webhook_token = excluded.webhook_token, created_at = excluded.created_at",
    )
    .bind(channelId, webhook.id, sealed, Date.now())
    .run();
}

async function cached(store: WebhookStore, channelId: string): Promise<ChannelWebhook | null> {
  const row = await store.db
    .prepare("SELECT webhook_id, webhook_token FROM channel_webhooks WHERE channel_id = ?")
    .bind(channelId)
    .first<{ webhook_id: string; webhook_token: string }>();
  if (!row) return null;
  const opened = await store.sealer.open(row.webhook_token, tokenContext(channelId));
  // Unreadable (no key, a retired key, altered): as if none was cached; a new one replaces it.
  if (!opened) return null;
  const webhook = { id: row.webhook_id, token: opened.value };
  if (opened.reseal && (await store.sealer.ready())) await save(store, channelId, webhook);
  return webhook;
}

async function create(
  store: WebhookStore,
  discord: DiscordClient,
  channelId: string,
): Promise<ChannelWebhook> {
  // Checked first: a webhook created but not storable would be created again on every post.
  if (!(await store.sealer.ready())) throw new MissingEncryptionKeyError();
  const webhook = await discord.createChannelWebhook(channelId, WEBHOOK_NAME);
  if (!webhook.token) throw new Error("Discord returned a webhook without a token");
  const created = { id: webhook.id, token: webhook.token };
  await save(store, channelId, created);
  return created;
}

async function forget(store: WebhookStore, channelId: string, webhookId: string): Promise<void> {
  await store.db
    .prepare("DELETE FROM channel_webhooks WHERE channel_id = ? AND webhook_id = ?")
    .bind(channelId, webhookId)
    .run();
}

/**
 * Posts through the channel's bot-created webhook (created once, cached in D1). A webhook that
 * was deleted (10015) is forgotten and created again, once.
 */
export async function postThroughChannelWebhook(
  store: WebhookStore,
  discord: DiscordClient,
  channelId: string,
  body: WebhookMessage,
): Promise<{ webhook: ChannelWebhook; message: APIMessage }> {
  const existing = await cached(store, channelId);
  const webhook = existing ?? (await create(store, discord, channelId));
  try {
    return { webhook, message: await discord.executeWebhook(webhook.id, webhook.token, body) };
  } catch (error) {
    if (!existing || !isWebhookGone(error)) throw error;
    await forget(store, channelId, webhook.id);
    const fresh = await create(store, discord, channelId);
    return { webhook: fresh, message: await discord.executeWebhook(fresh.id, fresh.token, body) };
  }
}
