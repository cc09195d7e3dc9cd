// The contract between the export engine and the file formats. A writer is pure: it turns
// messages into text and keeps what it must remember between batches in a small JSON state, so
// the engine can stream a file into R2 across many stage invocations and resume after a crash.
// The same messages written in one batch or in many give byte-identical files.

import type { APIMessage } from "discord-api-types/v10";
import type { ExportFormat } from "../accepted.ts";
import { csvWriter } from "./csv-writer.ts";
import { htmlWriter } from "./html-writer.ts";
import { jsonWriter } from "./json-writer.ts";
import { txtWriter } from "./txt-writer.ts";

export { EXPORT_FORMATS, type ExportFormat } from "../accepted.ts";

export interface ExportContext {
  guild: { id: string; name: string; iconUrl: string | null } | null; // null in DMs
  channel: {
    id: string;
    name: string;
    type: number;
    categoryName: string | null;
    topic: string | null;
    /** The parent (category, or the thread's channel), when known: DCE's `categoryId`. */
    categoryId?: string | null;
  };
  dateRange: { after: string | null; before: string | null }; // ISO 8601 or null
  exportedAt: string; // ISO 8601
  filter: string | null; // as the user typed it
  /** Names for channel mentions, by id, when known (role/user names come from the message). */
  channelNames?: Readonly<Record<string, string>>;
  /** Names for role mentions, by id, when known. */
  roleNames?: Readonly<Record<string, string>>;
}

/** Small JSON the writer needs between batches (e.g. the previous author for HTML grouping). */
export type WriterState = { [key: string]: string | number | boolean | null };

export interface ExportWriter {
  readonly format: ExportFormat;
  readonly extension: string; // "html", "json", "csv", "txt"
  readonly contentType: string; // with charset
  begin(context: ExportContext): string;
  /** One batch, oldest message first; called many times, across stage invocations. */
  write(
    messages: readonly APIMessage[],
    context: ExportContext,
    state: WriterState | null,
  ): { text: string; state: WriterState };
  end(context: ExportContext, state: WriterState | null, messageCount: number): string;
}

const WRITERS: Record<ExportFormat, ExportWriter> = {
  html: htmlWriter,
  json: jsonWriter,
  csv: csvWriter,
  txt: txtWriter,
};

export function exportWriter(format: ExportFormat): ExportWriter {
  return WRITERS[format];
}
