// /notify and /callback preferences in D1. The callback secret is sealed (src/secrets/sealer.ts).
import type { Sealer } from "../secrets/sealer.ts";

export async function setNotifyDm(db: D1Database, userId: string, on: boolean): Promise<void> {
  await db
    .prepare(
      "INSERT INTO user_settings (user_id, notify_dm, updated_at) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET notify_dm = excluded.notify_dm, updated_at = excluded.updated_at",
    )
    .bind(userId, on ? 1 : 0, Date.now())
    .run();
}

export async function wantsDmNotification(db: D1Database, userId: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT notify_dm FROM user_settings WHERE user_id = ?")
    .bind(userId)
    .first<{ notify_dm: number }>();
  return row?.notify_dm === 1;
}

export interface GuildCallback {
  url: string;
  secret: string;
}

const secretContext = (guildId: string) => `guild_settings.callback_secret:${guildId}`;

export async function setGuildCallback(
  db: D1Database,
  sealer: Sealer,
  guildId: string,
  callback: GuildCallback | null,
): Promise<void> {
  const secret = callback ? await sealer.seal(callback.secret, secretContext(guildId)) : null;
  await db
    .prepare(
      "INSERT INTO guild_settings (guild_id, callback_url, callback_secret, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(guild_id) DO UPDATE SET callback_url = excluded.callback_url, callback_secret = excluded.callback_secret, updated_at = excluded.updated_at",
    )
    .bind(guildId, callback?.url ?? null, secret, Date.now())
    .run();
}

/** Null when none is set, or its secret cannot be opened (no key, retired key, altered). */
export async function guildCallback(
  db: D1Database,
  sealer: Sealer,
  guildId: string,
): Promise<GuildCallback | null> {
  const row = await db
    .prepare("SELECT callback_url, callback_secret FROM guild_settings WHERE guild_id = ?")
    .bind(guildId)
    .first<{ callback_url: string | null; callback_secret: string | null }>();
  if (!row?.callback_url || !row.callback_secret) return null;
  const opened = await sealer.open(row.callback_secret, secretContext(guildId));
  if (!opened) return null;
  const callback = { url: row.callback_url, secret: opened.value };
  if (opened.reseal && (await sealer.ready()))
    await setGuildCallback(db, sealer, guildId, callback);
  return callback;
}
