import type { DiscordClient } from "../discord/client.ts";
import {
  cachedChannelWebhook,
  forgetCachedChannelWebhook,
  WEBHOOK_NAME,
} from "../results/channel-webhooks.ts";
import type { Sealer } from "../secrets/sealer.ts";

export interface OwnedWebhook {
  id: string;
  token: string;
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS webhook (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  webhook_id TEXT NOT NULL,
  webhook_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_count INTEGER NOT NULL
)`;

/**
 * The channel's webhook, kept in the channel outbox's own storage: its token never leaves this
 * object. Callers hold the outbox's send lock, so two creations can never race.
 */
export class WebhookOwner {
  private readonly sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.sql = sql;
    sql.exec(SCHEMA);
  }

  current(): OwnedWebhook | null {
    const row = this.sql
      .exec("SELECT webhook_id, webhook_token FROM webhook WHERE id = 1 AND webhook_id != ''")
      .toArray()[0];
    return row ? { id: String(row.webhook_id), token: String(row.webhook_token) } : null;
  }

  /** Webhooks this outbox has created (a deleted one is re-created: 2). */
  createdCount(): number {
    const row = this.sql.exec("SELECT created_count FROM webhook WHERE id = 1").toArray()[0];
    return row ? Number(row.created_count) : 0;
  }

  /**
   * The webhook to post through: the stored one, else one made before the outbox existed (the
   * D1 cache of earlier versions), else a new one.
   */
  async ensure(
    legacy: { db: D1Database; sealer: Sealer },
    discord: DiscordClient,
    channelId: string,
  ): Promise<OwnedWebhook> {
    const stored = this.current();
    if (stored) return stored;
    // Only the very first time: a forgotten webhook leaves its row, so D1 is not read again.
    const neverHadOne = this.sql.exec("SELECT 1 FROM webhook WHERE id = 1").toArray().length === 0;
    const adopted = neverHadOne
      ? await cachedChannelWebhook(legacy.db, legacy.sealer, channelId)
      : null;
    if (adopted) {
      this.store(adopted, 0);
      // Stored here first: a crash before the delete leaves a row that is never read again.
      await forgetCachedChannelWebhook(legacy.db, channelId, adopted.id);
      return adopted;
    }
    const made = await discord.createChannelWebhook(channelId, WEBHOOK_NAME);
    if (!made.token) throw new Error("Discord returned a webhook without a token");
    const webhook = { id: made.id, token: made.token };
    this.store(webhook, this.createdCount() + 1);
    return webhook;
  }

  /** After 10015: forget it, but only if it is still the one that failed. */
  forget(webhookId: string): void {
    this.sql.exec(
      "UPDATE webhook SET webhook_id = '', webhook_token = '' WHERE id = 1 AND webhook_id = ?",
      webhookId,
    );
  }

  private store(webhook: OwnedWebhook, createdCount: number): void {
    this.sql.exec(
      "INSERT INTO webhook (id, webhook_id, webhook_token, created_at, created_count) VALUES (1, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET webhook_id = excluded.webhook_id, webhook_token = excluded.webhook_token, created_at = excluded.created_at, created_count = excluded.created_count",
      webhook.id,
      webhook.token,
      Date.now(),
      createdCount,
    );
  }
}
