// How DiscordChatExporter names and spells what it reads from Discord's API (its
// Discord/Data/*.cs records), so every format agrees with it and with each other: user names,
// avatar and emoji URLs, message and channel kinds, timestamps, and the text of system messages.

import type { APIEmoji, APIMessage, APIUser } from "discord-api-types/v10";

const CDN = "https://cdn.discordapp.com";

/** DCE's `User.DiscriminatorFormatted`: "0000" for the new, discriminator-less names. */
export function discriminatorOf(user: APIUser): string {
  const value = Number.parseInt(user.discriminator ?? "0", 10);
  return Number.isFinite(value) && value > 0 ? String(value).padStart(4, "0") : "0000";
}

function hasDiscriminator(user: APIUser): boolean {
  return discriminatorOf(user) !== "0000";
}

/** DCE's `User.FullName`: the unique name (with "#0001" for legacy accounts). */
export function fullNameOf(user: APIUser): string {
  return hasDiscriminator(user) ? `${user.username}#${discriminatorOf(user)}` : user.username;
}

/** DCE's `User.DisplayName`: the global display name, else the user name. */
export function displayNameOf(user: APIUser): string {
  const global = user.global_name?.trim();
  return global ? global : user.username;
}

/** DCE's `User.AvatarUrl`, including Discord's default avatars for users without one. */
export function avatarUrlOf(user: APIUser): string {
  if (user.avatar) {
    const ext = user.avatar.startsWith("a_") ? "gif" : "png";
    return `${CDN}/avatars/${user.id}/${user.avatar}.${ext}?size=512`;
  }
  const index = hasDiscriminator(user)
    ? Number.parseInt(user.discriminator, 10) % 5
    : Number((safeSnowflake(user.id) >> 22n) % 6n);
  return `${CDN}/embed/avatars/${index}.png`;
}

function safeSnowflake(id: string): bigint {
  return /^\d{1,20}$/.test(id) ? BigInt(id) : 0n;
}

/** DCE's `Emoji.ImageUrl`: Discord's CDN for custom emoji, Twemoji for standard ones. */
export function emojiImageUrl(emoji: Pick<APIEmoji, "id" | "name" | "animated">): string {
  if (emoji.id) return `${CDN}/emojis/${emoji.id}.${emoji.animated ? "gif" : "png"}`;
  const points = [...(emoji.name ?? "")].map((char) => char.codePointAt(0) ?? 0);
  // Twemoji's file names drop the variation selector unless a zero-width joiner is present.
  const kept = points.includes(0x200d) ? points : points.filter((point) => point !== 0xfe0f);
  const id = kept.map((point) => point.toString(16)).join("-");
  return `https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/${id}.svg`;
}

const MESSAGE_KINDS: Readonly<Record<number, string>> = {
  0: "Default",
  1: "RecipientAdd",
  2: "RecipientRemove",
  3: "Call",
  4: "ChannelNameChange",
  5: "ChannelIconChange",
  6: "ChannelPinnedMessage",
  7: "GuildMemberJoin",
  18: "ThreadCreated",
  19: "Reply",
};

/** DCE's `MessageKind.ToString()`: a name for the kinds it knows, the number otherwise. */
export function messageKindName(type: number): string {
  return MESSAGE_KINDS[type] ?? String(type);
}

const CHANNEL_KINDS: Readonly<Record<number, string>> = {
  0: "GuildTextChat",
  1: "DirectTextChat",
  2: "GuildVoiceChat",
  3: "DirectGroupTextChat",
  4: "GuildCategory",
  5: "GuildNews",
  10: "GuildNewsThread",
  11: "GuildPublicThread",
  12: "GuildPrivateThread",
  13: "GuildStageVoice",
  14: "GuildDirectory",
  15: "GuildForum",
};

export function channelKindName(type: number): string {
  return CHANNEL_KINDS[type] ?? String(type);
}

/** The moment of an ISO 8601 text, or null when it is not one. */
export function instantOf(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * How .NET's JSON writer spells a UTC DateTimeOffset, as DCE's JSON has it:
 * "2024-01-05T15:04:05.12+00:00" (trailing zeros of the fraction dropped).
 */
export function dceJsonTime(iso: string | null | undefined): string | null {
  const date = instantOf(iso);
  if (!date) return null;
  const [main, fraction = "000Z"] = date.toISOString().split(".");
  const digits = fraction.replace("Z", "").replace(/0+$/, "");
  return `${main}${digits ? `.${digits}` : ""}+00:00`;
}

/** .NET's round-trip format "o" in UTC, as DCE's CSV has it: seven fraction digits. */
export function dceRoundTripTime(iso: string): string {
  const date = instantOf(iso);
  if (!date) return iso;
  const [main, fraction = "000Z"] = date.toISOString().split(".");
  return `${main}.${fraction.replace("Z", "").padEnd(7, "0")}+00:00`;
}

/** A short UTC time for people: "2024-01-05 15:04 UTC". */
export function readableUtcTime(iso: string): string {
  const date = instantOf(iso);
  if (!date) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** DCE's `Message.IsSystemNotification`: kinds 1–18 are shown by a sentence, not their text. */
export function isSystemNotification(message: APIMessage): boolean {
  return message.type >= 1 && message.type <= 18;
}

/** DCE's `GetFallbackContent`: the sentence Discord's client shows for a system message. */
export function fallbackContent(message: APIMessage): string {
  const first = message.mentions[0];
  switch (message.type) {
    case 1:
      return first ? `Added ${displayNameOf(first)} to the group.` : "Added a recipient.";
    case 2:
      if (!first) return "Removed a recipient.";
      return first.id === message.author.id
        ? "Left the group."
        : `Removed ${displayNameOf(first)} from the group.`;
    case 3: {
      const started = instantOf(message.timestamp)?.getTime() ?? 0;
      const ended = instantOf(message.call?.ended_timestamp)?.getTime() ?? started;
      return `Started a call that lasted ${Math.round((ended - started) / 60_000).toLocaleString("en-US")} minutes.`;
    }
    case 4:
      return message.content.trim()
        ? `Changed the channel name: ${message.content}`
        : "Changed the channel name.";
    case 5:
      return "Changed the channel icon.";
    case 6:
      return "Pinned a message.";
    case 7:
      return "Joined the server.";
    case 18:
      return "Started a thread.";
    default:
      return message.content;
  }
}

/** What the content column or line of a message says: its text, or a system message's sentence. */
export function shownContent(message: APIMessage): string {
  return isSystemNotification(message) ? fallbackContent(message) : message.content;
}

/** A file name's extension in lower case, with the dot (".png"), or "". */
function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot).toLowerCase();
}

const IMAGE = [".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"];
const VIDEO = [".gifv", ".mp4", ".webm", ".mov"];
const AUDIO = [".mp3", ".wav", ".ogg", ".flac", ".m4a"];

/** DCE's `Attachment.IsImage` / `IsVideo` / `IsAudio`, decided by the file name's extension. */
export function attachmentKind(fileName: string): "image" | "video" | "audio" | "file" {
  const ext = extensionOf(fileName);
  if (IMAGE.includes(ext)) return "image";
  if (VIDEO.includes(ext)) return "video";
  if (AUDIO.includes(ext)) return "audio";
  return "file";
}

const STICKER_FORMATS: Readonly<Record<number, [name: string, ext: string]>> = {
  1: ["Png", "png"],
  2: ["Apng", "png"],
  3: ["Lottie", "json"],
  4: ["Gif", "gif"],
};

/** DCE's `Sticker.Format` name and `SourceUrl`. */
export function stickerFacts(sticker: { id: string; format_type: number }): {
  format: string;
  sourceUrl: string;
} {
  const [format, ext] = STICKER_FORMATS[sticker.format_type] ?? [
    String(sticker.format_type),
    "png",
  ];
  return { format, sourceUrl: `${CDN}/stickers/${sticker.id}.${ext}` };
}

/** DCE's pseudo-guild for direct messages. */
export const DIRECT_MESSAGES_GUILD = {
  id: "0",
  name: "Direct Messages",
  iconUrl: `${CDN}/embed/avatars/0.png`,
} as const;

/** DCE's `Color.ToHex()` for Discord's integer colours: "#RRGGBB". */
export function hexColor(color: number | null | undefined): string | null {
  if (color === null || color === undefined || !Number.isInteger(color)) return null;
  return `#${(color & 0xffffff).toString(16).toUpperCase().padStart(6, "0")}`;
}
