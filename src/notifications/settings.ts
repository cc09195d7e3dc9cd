// /notify and /callback preferences in D1. The callback URL (often itself a credential) and its
// secrets are sealed (src/secrets/sealer.ts), each bound to its column and guild.
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
  /** The secret this one replaced, still signing until `previousUntil` (epoch ms). */
  previous?: { secret: string; until: number } | null;
}

type Sealed = "callback_url" | "callback_secret" | "previous_callback_secret";
const sealContext = (column: Sealed, guildId: string) => `guild_settings.${column}:${guildId}`;

async function sealOrNull(sealer: Sealer, column: Sealed, guildId: string, value?: string) {
  return value === undefined ? null : sealer.seal(value, sealContext(column, guildId));
}

export async function setGuildCallback(
  db: D1Database,
  sealer: Sealer,
  guildId: string,
  callback: GuildCallback | null,
): Promise<void> {
  const [url, secret, previous] = await Promise.all([
    sealOrNull(sealer, "callback_url", guildId, callback?.url),
    sealOrNull(sealer, "callback_secret", guildId, callback?.secret),
    sealOrNull(sealer, "previous_callback_secret", guildId, callback?.previous?.secret),
  ]);
  await db
    .prepare(
      "INSERT INTO guild_settings (guild_id, callback_url, callback_secret, previous_callback_secret, previous_secret_until, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(guild_id) DO UPDATE SET callback_url = excluded.callback_url, callback_secret = excluded.callback_secret, previous_callback_secret = excluded.previous_callback_secret, previous_secret_until = excluded.previous_secret_until, updated_at = excluded.updated_at",
    )
    .bind(guildId, url, secret, previous, callback?.previous?.until ?? null, Date.now())
    .run();
}

/**
 * A new URL and secret for the guild. The secret being replaced keeps signing (a second
 * signature) for `graceMs`, so the receiver can switch to the new one without losing deliveries.
 */
export async function replaceGuildCallback(
  db: D1Database,
  sealer: Sealer,
  guildId: string,
  next: { url: string; secret: string },
  graceMs: number,
  now: number,
): Promise<void> {
  const current = await guildCallback(db, sealer, guildId, now);
  const previous = current && graceMs > 0 ? { secret: current.secret, until: now + graceMs } : null;
  await setGuildCallback(db, sealer, guildId, { ...next, previous });
}

interface CallbackRow {
  callback_url: string | null;
  callback_secret: string | null;
  previous_callback_secret: string | null;
  previous_secret_until: number | null;
}

/**
 * Null when none is set, or its URL or secret cannot be opened (no key, retired key, altered).
 * Values sealed under a previous key, and rows from before the URL was sealed (plaintext), are
 * written again sealed under the current key; an expired previous secret is dropped.
 */
export async function guildCallback(
  db: D1Database,
  sealer: Sealer,
  guildId: string,
  now = Date.now(),
): Promise<GuildCallback | null> {
  const row = await db
    .prepare(
      "SELECT callback_url, callback_secret, previous_callback_secret, previous_secret_until FROM guild_settings WHERE guild_id = ?",
    )
    .bind(guildId)
    .first<CallbackRow>();
  if (!row?.callback_url || !row.callback_secret) return null;
  const [url, secret] = await Promise.all([
    sealer.open(row.callback_url, sealContext("callback_url", guildId)),
    sealer.open(row.callback_secret, sealContext("callback_secret", guildId)),
  ]);
  if (!url || !secret) return null;
  const live = row.previous_callback_secret && (row.previous_secret_until ?? 0) > now;
  const previousSecret = live
    ? await sealer.open(
        row.previous_callback_secret as string,
        sealContext("previous_callback_secret", guildId),
      )
    : null;
  const callback: GuildCallback = {
    url: url.value,
    secret: secret.value,
    previous: previousSecret
      ? { secret: previousSecret.value, until: row.previous_secret_until as number }
      : null,
  };
  const reseal =
    url.reseal ||
    secret.reseal ||
    previousSecret?.reseal ||
    (!live && row.previous_callback_secret);
  if (reseal && (await sealer.ready())) await setGuildCallback(db, sealer, guildId, callback);
  return callback;
}
