import { MIN_PARTITION } from "../../../workflows/export/accepted.ts";
import type { Message } from "../../message.ts";
import { exportingErrors } from "./exporting-errors.ts";

/**
 * /export: its command, stages and progress, and its result (summary, embed fields, report.md).
 * The exported files themselves mimic DiscordChatExporter's and stay as that tool writes them.
 */
export const exporting = {
  ...exportingErrors,
  "exporting.title": () => "Channel export",
  "exporting.command.description": () =>
    "Export a channel's messages to a file (HTML, JSON, CSV or TXT)",
  "exporting.option.channel": () => "channel",
  "exporting.option.channel.description": () =>
    "The channel, forum or thread to export (default: this one)",
  "exporting.option.format": () => "format",
  "exporting.option.format.description": () => "The file's format (default: html)",
  "exporting.choice.html": () => "html: a web page that looks like Discord",
  "exporting.choice.json": () => "json: for programs",
  "exporting.choice.csv": () => "csv: for spreadsheets",
  "exporting.choice.txt": () => "txt: plain text",
  "exporting.option.after": () => "after",
  "exporting.option.after.description": () =>
    "Only messages after this: a date (2026-01-31), a message link or id",
  "exporting.option.before": () => "before",
  "exporting.option.before.description": () =>
    "Only messages before this: a date, a message link or id",
  "exporting.option.filter": () => "filter",
  "exporting.option.filter.description": () => "e.g. from:alice has:image hello (all must match)",
  "exporting.option.threads": () => "threads",
  "exporting.option.threads.description": () =>
    "Also export the channel's threads, active and archived",
  "exporting.option.partition": () => "partition",
  "exporting.option.partition.description": (_: Record<never, never>, f) =>
    `Split into files of this many messages (at least ${f.number(MIN_PARTITION)})`,

  "exporting.stage.prepare": () => "Reading the channel",
  "exporting.stage.collect": () => "Reading messages",
  "exporting.stage.assemble": () => "Writing the file",
  "exporting.progress.threads": () => "Listing threads",
  "exporting.progress.reading": ({ kept, read }: { kept: number; read: number }, f) =>
    `Reading messages: ${f.number(kept)} kept of ${f.number(read)} read`,
  "exporting.progress.writing": ({ files }: { files: number }, f) =>
    `Writing files: ${f.number(files)} done`,

  "exporting.summary.done": (
    v: { messages: number; channel: string; format: string; files: number; bytes: number },
    f,
  ) =>
    `Exported ${f.count(v.messages, { one: "{n} message", other: "{n} messages" })} of #${v.channel} as ${v.format} (${f.count(v.files, { one: "{n} file", other: "{n} files" })}, ${f.bytes(v.bytes)}).`,
  "exporting.summary.unfinished": ({ channel, error }: { channel: string; error: string }) =>
    `The export of #${channel} did not finish.${error ? ` ${error}` : ""}`,
  "exporting.messageContent": () =>
    "Most messages came back empty: this application lacks the Message Content intent. Turn it on in the Discord Developer Portal → your application → Bot → Privileged Gateway Intents → Message Content Intent, then export again.",
  "exporting.field.channel": () => "Channel",
  "exporting.field.messages": () => "Messages",
  "exporting.field.participants": () => "Participants",
  "exporting.participants.atLeast": ({ count }: { count: number }, f) =>
    `at least ${f.number(count)}`,
  "exporting.field.dateSpan": () => "Date span",
  "exporting.dateSpan": ({ first, last }: { first: number; last: number }, f) =>
    `${f.dateTime(first)} → ${f.dateTime(last)}`,
  "exporting.dateSpan.none": () => "no messages",
  "exporting.field.size": () => "Size",
  "exporting.size": ({ bytes, files }: { bytes: number; files: number }, f) =>
    `${f.bytes(bytes)} in ${f.count(files, { one: "{n} file", other: "{n} files" })}`,
  "exporting.field.filters": () => "Filters",
  "exporting.filters.none": () => "none",
  "exporting.filters.after": ({ value }: { value: string }) => `after ${value}`,
  "exporting.filters.before": ({ value }: { value: string }) => `before ${value}`,
  "exporting.filters.filter": ({ value }: { value: string }) => `filter ${value}`,
  "exporting.field.skipped": () => "Skipped",
  "exporting.skipped.unmatched": ({ count }: { count: number }, f) =>
    `${f.count(count, { one: "{n} message did", other: "{n} messages did" })} not match the filter.`,
  "exporting.skipped.threadsCapped": ({ limit }: { limit: number }, f) =>
    `Threads beyond the first ${f.number(limit)} were left out (one file each is the limit).`,
  "exporting.skipped.privateThreads": () =>
    "Private archived threads were left out: listing them needs Manage Threads.",
  "exporting.field.messageContent": () => "⚠️ Message Content",
  "exporting.report.title": ({ channel }: { channel: string }) => `# Export of #${channel}`,
  "exporting.report.files": () => "## Files",
  "exporting.report.file": (v: { name: string; messages: number; bytes: number }, f) =>
    `- ${v.name}: ${f.count(v.messages, { one: "{n} message", other: "{n} messages" })}, ${f.bytes(v.bytes)}`,
  "exporting.report.noFiles": () => "- none",
} satisfies Record<string, Message<never>>;
