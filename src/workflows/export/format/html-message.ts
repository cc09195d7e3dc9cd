// One message of the HTML export: the reply line, author and time (first of a group) or a short
// time, content as Discord markdown, "(edited)", the pinned mark, attachments as links (images
// shown by URL), embeds with their colour bar, stickers and reactions. Outside text passes
// through escapeHtml or renderDiscordMarkdown only; URLs through safeHttpUrl only.

import type { APIAttachment, APIEmbed, APIMessage, APIReaction } from "discord-api-types/v10";
import {
  attachmentKind,
  avatarUrlOf,
  displayNameOf,
  emojiImageUrl,
  fullNameOf,
  hexColor,
  instantOf,
  isSystemNotification,
  shownContent,
  stickerFacts,
} from "./dce-model.ts";
import { type MentionNames, renderDiscordMarkdown } from "./discord-markdown.ts";
import type { ExportContext } from "./export-writer.ts";
import { escapeHtml, safeHttpUrl } from "./html-escape.ts";
import { renderInline, timeElement } from "./markdown-inline.ts";

const REPLY_PREVIEW = 120;

/** Who a mention names in this message: its resolved users, then the export's known names. */
export function mentionNames(message: APIMessage, context: ExportContext): MentionNames {
  return {
    user: (id) => {
      const user = message.mentions.find((mentioned) => mentioned.id === id);
      return user ? displayNameOf(user) : null;
    },
    role: (id) => context.roleNames?.[id] ?? null,
    channel: (id) => context.channelNames?.[id] ?? null,
  };
}

function img(url: string | null | undefined, className: string, alt: string): string {
  const src = safeHttpUrl(url);
  return src
    ? `<img class="${className}" src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" loading="lazy">`
    : "";
}

function link(url: string | null | undefined, inner: string, className: string): string {
  const href = safeHttpUrl(url);
  return href
    ? `<a class="${className}" href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${inner}</a>`
    : `<span class="${className}">${inner}</span>`;
}

function byteSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${unit === 0 ? size : size.toFixed(2)} ${units[unit]}`;
}

function attachmentHtml(file: APIAttachment): string {
  const name = escapeHtml(file.filename);
  if (attachmentKind(file.filename) === "image" && !file.filename.startsWith("SPOILER_")) {
    return link(file.url, img(file.url, "attachment-image", file.filename) || name, "attachment");
  }
  const size = `<span class="attachment-size">${byteSize(file.size)}</span>`;
  return link(file.url, `📎 ${name} ${size}`, "attachment-file");
}

function embedHtml(embed: APIEmbed, names: MentionNames): string {
  const color = hexColor(embed.color);
  let out = `<div class="embed"${color ? ` style="border-left-color:${color}"` : ""}>`;
  if (embed.author?.name) {
    const author = `${img(embed.author.icon_url, "emoji", "")}${escapeHtml(embed.author.name)}`;
    out += `<div class="embed-author">${embed.author.url ? link(embed.author.url, author, "") : author}</div>`;
  }
  if (embed.title) {
    const title = renderDiscordMarkdown(embed.title, names);
    out += `<div class="embed-title">${embed.url ? link(embed.url, title, "") : title}</div>`;
  }
  if (embed.description) {
    out += `<div class="embed-description">${renderDiscordMarkdown(embed.description, names)}</div>`;
  }
  if (embed.fields?.length) {
    out += '<div class="embed-fields">';
    for (const field of embed.fields) {
      out += `<div class="embed-field${field.inline ? " inline" : ""}">`;
      out += `<div class="embed-field-name">${renderDiscordMarkdown(field.name, names)}</div>`;
      out += `<div class="embed-field-value">${renderDiscordMarkdown(field.value, names)}</div></div>`;
    }
    out += "</div>";
  }
  out += img(embed.thumbnail?.url, "embed-thumbnail", "");
  out += img(embed.image?.url, "embed-image", "");
  const when = instantOf(embed.timestamp);
  if (embed.footer?.text || when) {
    const footer = embed.footer?.text ? escapeHtml(embed.footer.text) : "";
    const time = when ? timeElement(when, "f") : "";
    out += `<div class="embed-footer">${footer}${footer && time ? " • " : ""}${time}</div>`;
  }
  return `${out}</div>`;
}

function reactionHtml(reaction: APIReaction): string {
  const { emoji } = reaction;
  const label = emoji.id ? `:${emoji.name ?? "emoji"}:` : (emoji.name ?? "?");
  const face = emoji.id
    ? img(
        emojiImageUrl({ id: emoji.id, name: emoji.name, animated: emoji.animated }),
        "emoji",
        label,
      )
    : `<span class="emoji-text">${escapeHtml(label)}</span>`;
  return `<span class="reaction" title="${escapeHtml(label)}">${face}<span class="reaction-count">${reaction.count}</span></span>`;
}

function replyHtml(message: APIMessage, context: ExportContext): string {
  const reference = message.message_reference;
  if (!reference || reference.type === 1 || message.type !== 19) return "";
  const replied = message.referenced_message;
  if (!replied) return '<div class="reply"><em>Original message was deleted.</em></div>';
  // One line of inline markdown, in a span: the link to the message is the author's name, so a
  // link in the preview is never nested inside another.
  const preview = shownContent(replied).replaceAll("\n", " ").slice(0, REPLY_PREVIEW);
  const text = preview
    ? renderInline(preview, mentionNames(replied, context))
    : "<em>Click to see attachment</em>";
  return (
    `<div class="reply">${img(avatarUrlOf(replied.author), "reply-avatar", "")}` +
    `<a class="reply-author" href="#m-${escapeHtml(replied.id)}">${escapeHtml(displayNameOf(replied.author))}</a>` +
    `<span class="reply-content">${text}</span></div>`
  );
}

function bodyHtml(message: APIMessage, context: ExportContext): string {
  const names = mentionNames(message, context);
  const system = isSystemNotification(message);
  let out = system
    ? `<div class="content system">${escapeHtml(shownContent(message))}`
    : `<div class="content">${renderDiscordMarkdown(message.content, names)}`;
  const edited = instantOf(message.edited_timestamp);
  if (edited)
    out += `<span class="edited" title="${escapeHtml(edited.toISOString())}">(edited)</span>`;
  if (message.pinned) out += '<span class="pinned" title="Pinned">📌 pinned</span>';
  out += "</div>";
  if (message.attachments.length) {
    out += `<div class="attachments">${message.attachments.map(attachmentHtml).join("")}</div>`;
  }
  if (message.embeds.length) {
    out += `<div class="embeds">${message.embeds.map((embed) => embedHtml(embed, names)).join("")}</div>`;
  }
  const stickers = message.sticker_items ?? [];
  if (stickers.length) {
    const shown = stickers.map((sticker) => {
      const { format, sourceUrl } = stickerFacts(sticker);
      return format === "Lottie"
        ? `<span class="sticker-name">${escapeHtml(sticker.name)}</span>`
        : img(sourceUrl, "sticker", sticker.name);
    });
    out += `<div class="stickers">${shown.join("")}</div>`;
  }
  const reactions = message.reactions ?? [];
  if (reactions.length)
    out += `<div class="reactions">${reactions.map(reactionHtml).join("")}</div>`;
  return out;
}

/** One message element; `first` when it opens a group (avatar, name and full time shown). */
export function messageHtml(message: APIMessage, context: ExportContext, first: boolean): string {
  const when = instantOf(message.timestamp) ?? new Date(0);
  const id = escapeHtml(message.id);
  let out = `<div class="message${first ? " first" : ""}" id="m-${id}" data-author-id="${escapeHtml(message.author.id)}">`;
  if (first) {
    const bot = message.author.bot ? '<span class="bot-tag">bot</span>' : "";
    out += replyHtml(message, context);
    out += img(avatarUrlOf(message.author), "avatar", "");
    out +=
      `<div class="header"><span class="author" title="${escapeHtml(fullNameOf(message.author))}">` +
      `${escapeHtml(displayNameOf(message.author))}</span>${bot}${timeElement(when, "f")}</div>`;
  } else {
    out += `<span class="short-time">${timeElement(when, "t")}</span>`;
  }
  return `${out}${bodyHtml(message, context)}</div>`;
}
