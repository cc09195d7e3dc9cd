// Seeded messages are not stored: each is rebuilt on read from (seed, stream, index), so a
// channel of 100,000 costs its ids and nothing more. Same seed, same messages.
import type { JsonObject } from "../json.ts";
import { AUTHORS, HOSTILE, MARKDOWN, ROLE_IDS, type SeedAuthor, UNICODE, WORDS } from "./corpus.ts";
import { type Random, randomFor } from "./prng.ts";
import { seededAttachments, seededEmbed, seededReactions, seededSticker } from "./seeded-parts.ts";

export type SeededHistory = {
  seed: number;
  /** 0 for the channel, n for its n-th thread: each has its own messages. */
  stream: number;
  channelId: string;
  guildId: string;
  /** Message ids, oldest first: position = the message's index. */
  ids: string[];
  /** The emulated application's user: some messages mention it (Message Content exemption). */
  bot: SeedAuthor;
};

export type SeededMessageRef = { history: SeededHistory; index: number };

const DISCORD_EPOCH_MS = 1_420_070_400_000;
/** Every 13th message is hostile text, every 50th mentions the bot, every 97th is pinned. */
const HOSTILE_EVERY = 13;
const BOT_MENTION_EVERY = 50;
const PINNED_EVERY = 97;
const MESSAGE_TYPE_DEFAULT = 0;
const MESSAGE_TYPE_REPLY = 19;

export function timeOfSnowflake(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH_MS;
}

/** Discord's timestamp format: microseconds and an explicit offset. */
export function discordTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000+00:00");
}

/**
 * The message as GET /channels/{id}/messages returns it. `exists` says whether a message id is
 * still there (a reply to a deleted message has `referenced_message: null`).
 */
export function seededMessageJson(
  ref: SeededMessageRef,
  origin: string,
  exists: (id: string) => boolean,
  withReference = true,
): JsonObject {
  const { history, index } = ref;
  const id = history.ids[index] as string;
  const random = randomFor(history.seed, index, history.stream);
  const author = random.pick(AUTHORS);
  const replyTo =
    index > 0 && random.chance(0.12) ? index - 1 - random.int(Math.min(index, 40)) : -1;
  let content = contentFor(random, index, history);
  const attachments = random.chance(0.1)
    ? seededAttachments(random, id, history.channelId, origin)
    : [];
  if (attachments.length > 0 && random.chance(0.3)) content = "";
  const embeds = random.chance(0.06) ? [seededEmbed(random, index)] : [];
  const reactions = random.chance(0.15) ? seededReactions(random) : [];
  const stickers = random.chance(0.01) ? [seededSticker(random)] : [];
  const editedAfterMs = random.chance(0.08) ? (1 + random.int(3600)) * 1000 : null;
  const sentAt = timeOfSnowflake(id);
  const json: JsonObject = {
    type: replyTo >= 0 ? MESSAGE_TYPE_REPLY : MESSAGE_TYPE_DEFAULT,
    content,
    mentions: mentionedUsers(content, history.bot),
    mention_roles: ROLE_IDS.filter((role) => content.includes(`<@&${role}>`)),
    attachments,
    embeds,
    timestamp: discordTimestamp(sentAt),
    edited_timestamp: editedAfterMs === null ? null : discordTimestamp(sentAt + editedAfterMs),
    flags: 0,
    components: [],
    id,
    channel_id: history.channelId,
    author: userJson(author),
    pinned: index % PINNED_EVERY === PINNED_EVERY - 1,
    mention_everyone: author === AUTHORS[0] && /@(everyone|here)\b/.test(content),
    tts: false,
  };
  if (reactions.length > 0) json.reactions = reactions;
  if (stickers.length > 0) json.sticker_items = stickers;
  if (replyTo >= 0) {
    const targetId = history.ids[replyTo] as string;
    json.message_reference = {
      type: 0,
      channel_id: history.channelId,
      message_id: targetId,
      guild_id: history.guildId,
    };
    if (withReference) {
      json.referenced_message = exists(targetId)
        ? seededMessageJson({ history, index: replyTo }, origin, exists, false)
        : null;
    }
  }
  return json;
}

export function userJson(user: SeedAuthor): JsonObject {
  return {
    id: user.id,
    username: user.username,
    avatar: user.avatar,
    discriminator: "0",
    public_flags: 0,
    flags: 0,
    bot: user.bot,
    banner: null,
    accent_color: null,
    global_name: user.global_name,
    avatar_decoration_data: null,
    banner_color: null,
  };
}

function contentFor(random: Random, index: number, history: SeededHistory): string {
  const botMention = index % BOT_MENTION_EVERY === 3 ? `<@${history.bot.id}> ` : "";
  if (index % HOSTILE_EVERY === 7) {
    return botMention + (HOSTILE[Math.floor(index / HOSTILE_EVERY) % HOSTILE.length] as string);
  }
  const kind = random.next();
  if (kind < 0.45) return botMention + sentence(random);
  if (kind < 0.65) return botMention + random.pick(MARKDOWN);
  if (kind < 0.75) return botMention + random.pick(UNICODE);
  if (kind < 0.9) {
    const who = random.pick(AUTHORS);
    const role = random.chance(0.3) ? ` <@&${random.pick(ROLE_IDS)}>` : "";
    return `${botMention}<@${who.id}>${role} ${sentence(random)} in <#${history.channelId}>`;
  }
  return `${botMention}${sentence(random)} https://example.com/${index}?a=1&b=<2>`;
}

function sentence(random: Random): string {
  const length = 3 + random.int(13);
  const words: string[] = [];
  for (let k = 0; k < length; k++) words.push(random.pick(WORDS));
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function mentionedUsers(content: string, bot: SeedAuthor): JsonObject[] {
  const users: JsonObject[] = [];
  const seen = new Set<string>();
  for (const match of content.matchAll(/<@!?(\d+)>/g)) {
    const id = match[1] as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const user = id === bot.id ? bot : AUTHORS.find((a) => a.id === id);
    if (user) users.push(userJson(user));
  }
  return users;
}
