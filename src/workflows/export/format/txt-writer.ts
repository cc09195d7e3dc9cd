// DiscordChatExporter's plain text (Exporting/PlainTextMessageWriter.cs): a ruled preamble, then
// per message "[time] author (pinned)", the content, and {Attachments} / {Embed} / {Stickers} /
// {Reactions} blocks; a ruled count at the end. Times are UTC and say so (DCE prints the
// exporting machine's local time without naming its zone; a Worker has no reader's zone).

import type { APIEmbed, APIMessage } from "discord-api-types/v10";
import { fullNameOf, readableUtcTime, shownContent, stickerFacts } from "./dce-model.ts";
import type { ExportContext, ExportWriter } from "./export-writer.ts";

const RULE = "=".repeat(62);

function present(text: string | null | undefined): text is string {
  return typeof text === "string" && text.trim() !== "";
}

function lines(values: (string | null | undefined)[]): string {
  return values
    .filter(present)
    .map((value) => `${value}\n`)
    .join("");
}

function embedBlock(embed: APIEmbed): string {
  const fields = (embed.fields ?? []).flatMap((field) => [field.name, field.value]);
  const thumbnail = embed.thumbnail ? (embed.thumbnail.proxy_url ?? embed.thumbnail.url) : null;
  const image = embed.image ? (embed.image.proxy_url ?? embed.image.url) : null;
  const body = lines([
    embed.author?.name,
    embed.url,
    embed.title,
    embed.description,
    ...fields,
    thumbnail,
    image,
    embed.footer?.text,
  ]);
  return `{Embed}\n${body}\n`;
}

function messageBlock(message: APIMessage): string {
  let text = `[${readableUtcTime(message.timestamp)}] ${fullNameOf(message.author)}`;
  text += message.pinned ? " (pinned)\n" : "\n";
  text += `${shownContent(message)}\n\n`;
  if (message.attachments.length > 0) {
    text += `{Attachments}\n${lines(message.attachments.map((file) => file.url))}\n`;
  }
  for (const embed of message.embeds) text += embedBlock(embed);
  const stickers = message.sticker_items ?? [];
  if (stickers.length > 0) {
    text += `{Stickers}\n${lines(stickers.map((sticker) => stickerFacts(sticker).sourceUrl))}\n`;
  }
  const reactions = message.reactions ?? [];
  if (reactions.length > 0) {
    const shown = reactions.map((reaction) => {
      const name = reaction.emoji.name ?? "Unknown Emoji";
      return reaction.count > 1 ? `${name} (${reaction.count})` : name;
    });
    text += `{Reactions}\n${shown.join(" ")}\n`;
  }
  return `${text}\n`;
}

function preamble(context: ExportContext): string {
  const { channel, dateRange } = context;
  const hierarchical = channel.categoryName
    ? `${channel.categoryName} / ${channel.name}`
    : channel.name;
  let text = `${RULE}\nGuild: ${context.guild?.name ?? "Direct Messages"}\n`;
  text += `Channel: ${hierarchical}\n`;
  if (present(channel.topic)) text += `Topic: ${channel.topic}\n`;
  if (dateRange.after) text += `After: ${readableUtcTime(dateRange.after)}\n`;
  if (dateRange.before) text += `Before: ${readableUtcTime(dateRange.before)}\n`;
  if (present(context.filter)) text += `Filter: ${context.filter}\n`;
  return `${text}${RULE}\n\n`;
}

export const txtWriter: ExportWriter = {
  format: "txt",
  extension: "txt",
  contentType: "text/plain; charset=utf-8",
  begin: preamble,
  write(messages) {
    let text = "";
    for (const message of messages) text += messageBlock(message);
    return { text, state: {} };
  },
  end(_context, _state, messageCount) {
    return `${RULE}\nExported ${messageCount.toLocaleString("en-US")} message(s)\n${RULE}\n`;
  },
};
