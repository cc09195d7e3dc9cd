// DiscordChatExporter's JSON file, written as a stream: the preamble up to `"messages": [`, each
// batch of messages, then `]` and `messageCount`. Indented by two spaces as DCE writes it; the
// state only remembers whether a message was written yet (for the separating comma).

import { channelKindName, DIRECT_MESSAGES_GUILD, dceJsonTime } from "./dce-model.ts";
import type { ExportContext, ExportWriter, WriterState } from "./export-writer.ts";
import { dceMessage } from "./json-model.ts";

const INDENT = "    ";

function preamble(context: ExportContext): string {
  const guild = context.guild ?? DIRECT_MESSAGES_GUILD;
  const head = {
    guild: {
      id: guild.id,
      name: guild.name,
      iconUrl: guild.iconUrl ?? DIRECT_MESSAGES_GUILD.iconUrl,
    },
    channel: {
      id: context.channel.id,
      type: channelKindName(context.channel.type),
      categoryId: context.channel.categoryId ?? null,
      category: context.channel.categoryName,
      name: context.channel.name,
      topic: context.channel.topic,
    },
    dateRange: {
      after: dceJsonTime(context.dateRange.after),
      before: dceJsonTime(context.dateRange.before),
    },
    exportedAt: dceJsonTime(context.exportedAt),
  };
  // The object without its closing brace, to continue with the messages array.
  const open = JSON.stringify(head, null, 2).slice(0, -2);
  return `${open},\n  "messages": [`;
}

function wroteAny(state: WriterState | null): boolean {
  return state?.wroteAny === true;
}

export const jsonWriter: ExportWriter = {
  format: "json",
  extension: "json",
  contentType: "application/json; charset=utf-8",
  begin: preamble,
  write(messages, _context, state) {
    let started = wroteAny(state);
    let text = "";
    for (const message of messages) {
      const json = JSON.stringify(dceMessage(message), null, 2).replaceAll("\n", `\n${INDENT}`);
      text += `${started ? "," : ""}\n${INDENT}${json}`;
      started = true;
    }
    return { text, state: { wroteAny: started } };
  },
  end(_context, state, messageCount) {
    const close = wroteAny(state) ? "\n  ]" : "]";
    return `${close},\n  "messageCount": ${messageCount}\n}\n`;
  },
};
