// Discord's message objects in the shape of DiscordChatExporter's JSON export
// (Exporting/JsonMessageWriter.cs): the same keys in the same order with the same types, so tools
// written for its exports read ours. Content is written as Discord sent it (DCE's
// `--markdown false`), so nothing is lost and mentions stay resolvable by id.
// Where DCE asks Discord for more than the message carries (member nicknames, role colours,
// every user who reacted), the fields keep their type and are empty: roles [], color null,
// users []. Standard emoji keep their character as `code` (DCE looks up a name like
// "slight_smile" in a 3,000-entry table this Worker does not carry).

import type {
  APIAttachment,
  APIEmbed,
  APIEmbedImage,
  APIMessage,
  APIReaction,
  APIStickerItem,
  APIUser,
} from "discord-api-types/v10";
import { customEmojisIn } from "./angle-tokens.ts";
import {
  avatarUrlOf,
  dceJsonTime,
  discriminatorOf,
  displayNameOf,
  emojiImageUrl,
  hexColor,
  messageKindName,
  shownContent,
  stickerFacts,
} from "./dce-model.ts";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function user(value: APIUser, withRoles: boolean): Json {
  return {
    id: value.id,
    name: value.username,
    discriminator: discriminatorOf(value),
    nickname: displayNameOf(value),
    color: null,
    isBot: value.bot === true,
    ...(withRoles ? { roles: [] } : {}),
    avatarUrl: avatarUrlOf(value),
  };
}

function emoji(value: { id?: string | null; name?: string | null; animated?: boolean }): Json {
  const name = value.name?.trim() ? value.name : "Unknown Emoji";
  return {
    id: value.id ?? "",
    name,
    code: name,
    isAnimated: value.animated === true,
    imageUrl: emojiImageUrl({ id: value.id ?? null, name, animated: value.animated === true }),
  };
}

function attachment(value: APIAttachment): Json {
  return { id: value.id, url: value.url, fileName: value.filename, fileSizeBytes: value.size };
}

function image(value: APIEmbedImage | NonNullable<APIEmbed["video"]>): Json {
  return {
    ...(value.url ? { url: value.proxy_url ?? value.url, canonicalUrl: value.url } : {}),
    width: value.width ?? null,
    height: value.height ?? null,
  };
}

function icon(iconUrl: string | undefined, proxy: string | undefined): Record<string, Json> {
  return iconUrl?.trim() ? { iconUrl: proxy ?? iconUrl, iconCanonicalUrl: iconUrl } : {};
}

function embed(value: APIEmbed): Json {
  const out: { [key: string]: Json } = {
    title: value.title ?? "",
    url: value.url ?? null,
    timestamp: dceJsonTime(value.timestamp),
    description: value.description ?? "",
  };
  const color = hexColor(value.color);
  if (color) out.color = color;
  if (value.author) {
    const { name, url, icon_url, proxy_icon_url } = value.author;
    out.author = { name: name ?? "", url: url ?? null, ...icon(icon_url, proxy_icon_url) };
  }
  if (value.thumbnail) out.thumbnail = image(value.thumbnail);
  if (value.image) out.image = image(value.image);
  if (value.video) out.video = image(value.video);
  if (value.footer) {
    const { text, icon_url, proxy_icon_url } = value.footer;
    out.footer = { text: text ?? "", ...icon(icon_url, proxy_icon_url) };
  }
  out.images = value.image ? [image(value.image)] : [];
  // Discord requires these, but a missing key would silently change the shape: keep it.
  out.fields = (value.fields ?? []).map((field) => ({
    name: field.name ?? "",
    value: field.value ?? "",
    isInline: field.inline === true,
  }));
  out.inlineEmojis = customEmojisIn(value.description ?? "").map(emoji);
  return out;
}

function sticker(value: APIStickerItem): Json {
  const { format, sourceUrl } = stickerFacts(value);
  return { id: value.id, name: value.name, format, sourceUrl };
}

function reaction(value: APIReaction): Json {
  return { emoji: emoji(value.emoji), count: value.count, users: [] };
}

/** The parts DCE writes for both a message and a forwarded snapshot of one. */
function body(value: Pick<APIMessage, "attachments" | "embeds" | "sticker_items">) {
  return {
    attachments: value.attachments.map(attachment),
    embeds: value.embeds.map(embed),
    stickers: (value.sticker_items ?? []).map(sticker),
  };
}

/** One message as DCE's JSON writes it. */
export function dceMessage(message: APIMessage): Json {
  const out: { [key: string]: Json } = {
    id: message.id,
    type: messageKindName(message.type),
    timestamp: dceJsonTime(message.timestamp),
    timestampEdited: dceJsonTime(message.edited_timestamp),
    callEndedTimestamp: dceJsonTime(message.call?.ended_timestamp),
    isPinned: message.pinned === true,
    content: shownContent(message),
    author: user(message.author, true),
    ...body(message),
    reactions: (message.reactions ?? []).map(reaction),
    mentions: message.mentions.map((mentioned) => user(mentioned, true)),
  };
  const reference = message.message_reference;
  if (reference) {
    out.reference = {
      type: reference.type === 1 ? "Forward" : "Default",
      messageId: reference.message_id ?? null,
      channelId: reference.channel_id ?? null,
      guildId: reference.guild_id ?? null,
    };
  }
  const forwarded = reference?.type === 1 ? message.message_snapshots?.[0]?.message : undefined;
  if (forwarded) {
    out.forwardedMessage = {
      timestamp: dceJsonTime(forwarded.timestamp),
      timestampEdited: dceJsonTime(forwarded.edited_timestamp),
      content: forwarded.content,
      ...body(forwarded),
    };
  }
  if (message.interaction) {
    const { id, name, user: invoker } = message.interaction;
    out.interaction = { id, name, user: user(invoker, true) };
  }
  out.inlineEmojis = customEmojisIn(message.content).map(emoji);
  return out;
}
