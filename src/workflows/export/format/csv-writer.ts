// DiscordChatExporter's CSV (Exporting/CsvMessageWriter.cs): the header
// AuthorID,Author,Date,Content,Attachments,Reactions and one row per message, every field quoted
// as RFC 4180 says (quotes doubled; commas and line breaks kept inside the quotes), rows ended by
// CRLF as RFC 4180 writes them.
//
// Formula injection: DCE quotes but does not defuse formulas, so a message "=HYPERLINK(…)" or
// "=cmd|' /C calc'!A0" runs when the file is opened in a spreadsheet. We follow OWASP's advice
// and prefix a field that starts with = + - @ tab or carriage return with an apostrophe, which
// spreadsheets treat as "this cell is text" and do not show. Only fields a message author
// controls can start so (content, author name, attachment URLs and reaction names never do in
// practice); ids and dates are digits. The cost for tools that read the CSV as data is one
// leading "'" on those fields, the same trade every careful exporter makes; the JSON export is
// the lossless one.

import type { APIMessage } from "discord-api-types/v10";
import { dceRoundTripTime, fullNameOf, shownContent } from "./dce-model.ts";
import type { ExportWriter } from "./export-writer.ts";

const FORMULA_STARTS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** The field as a spreadsheet will only ever read as text. */
export function defuseFormula(value: string): string {
  return FORMULA_STARTS.has(value.charAt(0)) ? `'${value}` : value;
}

function field(value: string): string {
  return `"${defuseFormula(value).replaceAll('"', '""')}"`;
}

function row(message: APIMessage): string {
  const attachments = message.attachments.map((file) => file.url).join(",");
  const reactions = (message.reactions ?? [])
    .map((reaction) => `${reaction.emoji.name ?? "Unknown Emoji"} (${reaction.count})`)
    .join(",");
  return [
    field(message.author.id),
    field(fullNameOf(message.author)),
    field(dceRoundTripTime(message.timestamp)),
    field(shownContent(message)),
    field(attachments),
    field(reactions),
  ].join(",");
}

export const csvWriter: ExportWriter = {
  format: "csv",
  extension: "csv",
  contentType: "text/csv; charset=utf-8; header=present",
  begin: () => "AuthorID,Author,Date,Content,Attachments,Reactions\r\n",
  write(messages) {
    let text = "";
    for (const message of messages) text += `${row(message)}\r\n`;
    return { text, state: {} };
  },
  end: () => "",
};
