// The HTML export as a stream: one self-contained page (inline stylesheet, one hashed script, a
// CSP that allows nothing else), messages grouped as Discord groups them. Grouping follows DCE's
// HtmlMessageWriter.CanJoinGroup: same author, same kind (normal or system), at most 7 minutes
// apart, and a reply always opens a group. Unlike DCE, which buffers a group in memory, the
// group's element stays open across batches and the state remembers whose it is.

import type { APIMessage } from "discord-api-types/v10";
import { instantOf, isSystemNotification } from "./dce-model.ts";
import { renderDiscordMarkdown } from "./discord-markdown.ts";
import type { ExportContext, ExportWriter, WriterState } from "./export-writer.ts";
import { escapeHtml, safeHttpUrl } from "./html-escape.ts";
import { messageHtml } from "./html-message.ts";
import { CONTENT_SECURITY_POLICY, LOCAL_TIME_SCRIPT, STYLESHEET } from "./html-page.ts";
import { timeElement } from "./markdown-inline.ts";

const GROUP_WINDOW_MS = 7 * 60_000;

interface GroupState {
  /** The author of the open group, or null before the first message. */
  author: string | null;
  time: number;
  system: boolean;
}

function groupOf(state: WriterState | null): GroupState {
  const author = typeof state?.author === "string" ? state.author : null;
  const time = typeof state?.time === "number" ? state.time : 0;
  return { author, time, system: state?.system === true };
}

function joinsGroup(group: GroupState, message: APIMessage, time: number): boolean {
  if (group.author === null || message.type === 19 || message.interaction) return false;
  return (
    group.author === message.author.id &&
    group.system === isSystemNotification(message) &&
    Math.abs(time - group.time) <= GROUP_WINDOW_MS
  );
}

function entry(label: string, value: string): string {
  return `<div class="entry">${label}: ${value}</div>`;
}

function preamble(context: ExportContext): string {
  const { guild, channel, dateRange } = context;
  const guildName = guild?.name ?? "Direct Messages";
  const channelName = channel.categoryName
    ? `${channel.categoryName} / ${channel.name}`
    : channel.name;
  const icon = safeHttpUrl(guild?.iconUrl);
  const names = { user: () => null, role: () => null, channel: () => null };
  const after = instantOf(dateRange.after);
  const before = instantOf(dateRange.before);
  const exported = instantOf(context.exportedAt);
  return (
    "<!DOCTYPE html>\n" +
    '<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="color-scheme" content="dark light">\n' +
    '<meta name="referrer" content="no-referrer">\n' +
    `<title>${escapeHtml(`${guildName} - ${channel.name}`)}</title>\n` +
    `<style>${STYLESHEET}</style>\n</head>\n<body>\n<header class="preamble">` +
    (icon ? `<img class="guild-icon" src="${escapeHtml(icon)}" alt="">` : "") +
    '<div class="entries">' +
    `<div class="guild-name">${escapeHtml(guildName)}</div>` +
    `<div class="channel-name">${escapeHtml(channelName)}</div>` +
    (channel.topic
      ? `<div class="entry topic">${renderDiscordMarkdown(channel.topic, names)}</div>`
      : "") +
    (after ? entry("After", timeElement(after, "f")) : "") +
    (before ? entry("Before", timeElement(before, "f")) : "") +
    (context.filter ? entry("Filter", escapeHtml(context.filter)) : "") +
    (exported ? entry("Exported", timeElement(exported, "f")) : "") +
    '</div></header>\n<main class="chatlog">'
  );
}

export const htmlWriter: ExportWriter = {
  format: "html",
  extension: "html",
  contentType: "text/html; charset=utf-8",
  begin: preamble,
  write(messages, context, state) {
    const group = groupOf(state);
    let text = "";
    for (const message of messages) {
      const time = instantOf(message.timestamp)?.getTime() ?? 0;
      const joins = joinsGroup(group, message, time);
      if (!joins) text += `${group.author === null ? "" : "</div>"}\n<div class="group">`;
      text += messageHtml(message, context, !joins);
      group.author = message.author.id;
      group.time = time;
      group.system = isSystemNotification(message);
    }
    return { text, state: { author: group.author, time: group.time, system: group.system } };
  },
  end(_context, state, messageCount) {
    const close = groupOf(state).author === null ? "" : "</div>";
    const count = `Exported ${messageCount.toLocaleString("en-US")} message(s)`;
    return (
      `${close}\n</main>\n<footer class="postamble">${count}</footer>\n` +
      `<script>${LOCAL_TIME_SCRIPT}</script>\n</body>\n</html>\n`
    );
  },
};
