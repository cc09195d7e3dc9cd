import { plainText } from "../../discord/render/safe-text.ts";
import type { JsonValue, WorkflowResult } from "../../workflow/definition.ts";
import type { AssembledExport, CollectedExport, PreparedExport } from "./model.ts";
import type { ExportOptions } from "./options.ts";

/** Above this share of blank ordinary messages, content is withheld from the bot. */
const BLANK_SHARE = 0.8;
/** Too few messages say nothing about the intent. */
const MIN_ORDINARY = 10;

export const MESSAGE_CONTENT_HINT =
  "Most messages came back empty: this application lacks the Message Content intent. Turn it on in the Discord Developer Portal → your application → Bot → Privileged Gateway Intents → Message Content Intent, then export again.";

export function lacksMessageContent(collected: CollectedExport | undefined): boolean {
  if (!collected || collected.ordinary < MIN_ORDINARY) return false;
  return collected.blank / collected.ordinary > BLANK_SHARE;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kib = bytes / 1024;
  return kib < 1024 ? `${kib.toFixed(1)} KiB` : `${(kib / 1024).toFixed(1)} MiB`;
}

const count = (n: number) => n.toLocaleString("en-US");
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "–");

function filtersText(options: ExportOptions): string {
  const parts = [
    options.after && `after ${options.after}`,
    options.before && `before ${options.before}`,
    options.filter && `filter ${options.filter}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : "none";
}

interface Outputs {
  prepare?: PreparedExport;
  collect?: CollectedExport;
  assemble?: AssembledExport;
}

/** What was left out and why: the filter's share, and what prepare could not include. */
function skippedLines(outputs: Outputs, kept: number): string[] {
  const lines = [...(outputs.prepare?.skipped ?? [])];
  const fetched = outputs.collect?.fetched ?? 0;
  if (fetched > kept) lines.unshift(`${count(fetched - kept)} messages did not match the filter.`);
  return lines;
}

/**
 * The result of an export: the files, and an embed that says what they hold (channel, messages,
 * participants, date span, size, filters, what was skipped). Every outside name is escaped.
 */
export function buildExportResult(input: {
  options: ExportOptions;
  outputs: Readonly<Record<string, JsonValue>>;
  status: "completed" | "failed" | "cancelled" | "timed_out";
  error?: string;
}): WorkflowResult {
  const outputs = input.outputs as Outputs;
  const { options } = input;
  const channelName = outputs.prepare?.channel.name ?? options.channel;
  const files = outputs.assemble?.files ?? [];
  const kept = outputs.collect?.sources.reduce((sum, s) => sum + s.messages, 0) ?? 0;
  const sources = outputs.collect?.sources ?? [];
  const first =
    sources
      .map((s) => s.firstAt)
      .filter((t): t is string => t !== null)
      .sort()[0] ?? null;
  const last =
    sources
      .map((s) => s.lastAt)
      .filter((t): t is string => t !== null)
      .sort()
      .at(-1) ?? null;
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const participants = outputs.assemble
    ? `${outputs.assemble.participantsCapped ? "at least " : ""}${count(outputs.assemble.participants)}`
    : "–";
  const noContent = lacksMessageContent(outputs.collect);
  const skipped = skippedLines(outputs, kept);
  const done = input.status === "completed";
  const summary = done
    ? `Exported ${count(kept)} messages of #${channelName} as ${options.format.toUpperCase()} (${files.length} file${files.length === 1 ? "" : "s"}, ${size(bytes)}).${noContent ? ` ${MESSAGE_CONTENT_HINT}` : ""}`
    : `The export of #${channelName} did not finish.${input.error ? ` ${input.error}` : ""}`;
  const fields = [
    { name: "Channel", value: `#${channelName}` },
    { name: "Messages", value: count(kept) },
    { name: "Participants", value: participants },
    { name: "Date span", value: first ? `${day(first)} → ${day(last)}` : "no messages" },
    {
      name: "Size",
      value: `${size(bytes)} in ${files.length} file${files.length === 1 ? "" : "s"}`,
    },
    { name: "Filters", value: filtersText(options) },
    ...(skipped.length > 0 ? [{ name: "Skipped", value: skipped.join(" ") }] : []),
    ...(noContent ? [{ name: "⚠️ Message Content", value: MESSAGE_CONTENT_HINT }] : []),
  ];
  const markdown = [
    `# Export of #${plainText(channelName, 100)}`,
    "",
    plainText(summary, 2000),
    "",
    ...fields.map((field) => `- **${field.name}:** ${plainText(field.value, 1000)}`),
    "",
    "## Files",
    "",
    ...(files.length > 0
      ? files.map(
          (file) =>
            `- ${plainText(file.name, 200)}: ${count(file.messages)} messages, ${size(file.bytes)}`,
        )
      : ["- none"]),
    "",
  ].join("\n");
  return {
    summary,
    markdown,
    fields,
    files: files.map(({ name, bytes: fileBytes, contentType }) => ({
      name,
      bytes: fileBytes,
      contentType,
    })),
    data: {
      channel: outputs.prepare?.channel ?? { id: options.channel },
      guild: outputs.prepare?.guild ?? null,
      messages: kept,
      fetched: outputs.collect?.fetched ?? 0,
      firstAt: first,
      lastAt: last,
      files,
      skipped,
      messageContentMissing: noContent,
      options,
    },
  };
}
