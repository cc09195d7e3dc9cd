import { plainText } from "../../discord/render/safe-text.ts";
import type { Locale } from "../../i18n/locales.ts";
import { formattersFor, type Translate } from "../../i18n/translator.ts";
import type { JsonValue, WorkflowResult } from "../../workflow/definition.ts";
import type { AssembledExport, CollectedExport, PreparedExport } from "./model.ts";
import type { ExportOptions } from "./options.ts";
import { MAX_THREADS } from "./stages/prepare.ts";

/** Above this share of blank ordinary messages, content is withheld from the bot. */
const BLANK_SHARE = 0.8;
/** Too few messages say nothing about the intent. */
const MIN_ORDINARY = 10;

export function lacksMessageContent(collected: CollectedExport | undefined): boolean {
  if (!collected || collected.ordinary < MIN_ORDINARY) return false;
  return collected.blank / collected.ordinary > BLANK_SHARE;
}

function filtersText(t: Translate, options: ExportOptions): string {
  const parts = [
    options.after && t("exporting.filters.after", { value: options.after }),
    options.before && t("exporting.filters.before", { value: options.before }),
    options.filter && t("exporting.filters.filter", { value: options.filter }),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : t("exporting.filters.none");
}

interface Outputs {
  prepare?: PreparedExport;
  collect?: CollectedExport;
  assemble?: AssembledExport;
}

/** What was left out and why: the filter's share, and what prepare could not include. */
function skippedLines(t: Translate, outputs: Outputs, kept: number): string[] {
  const lines = (outputs.prepare?.skipped ?? []).map((reason) =>
    reason === "threads_capped"
      ? t("exporting.skipped.threadsCapped", { limit: MAX_THREADS })
      : reason === "private_threads"
        ? t("exporting.skipped.privateThreads")
        : reason,
  );
  const fetched = outputs.collect?.fetched ?? 0;
  if (fetched > kept) lines.unshift(t("exporting.skipped.unmatched", { count: fetched - kept }));
  return lines;
}

function dateSpan(outputs: Outputs): { first: string | null; last: string | null } {
  const sources = outputs.collect?.sources ?? [];
  const times = (pick: (s: (typeof sources)[number]) => string | null) =>
    sources
      .map(pick)
      .filter((t): t is string => t !== null)
      .sort();
  return { first: times((s) => s.firstAt)[0] ?? null, last: times((s) => s.lastAt).at(-1) ?? null };
}

/**
 * The result of an export in the workflow's language: the files, and an embed that says what
 * they hold (channel, messages, participants, date span, size, filters, what was skipped).
 * Every outside name is escaped where it is shown; result.json keeps English keys.
 */
export function buildExportResult(input: {
  options: ExportOptions;
  outputs: Readonly<Record<string, JsonValue>>;
  status: "completed" | "failed" | "cancelled" | "timed_out";
  error?: string;
  locale: Locale;
  text: Translate;
}): WorkflowResult {
  const { options, text: t } = input;
  const f = formattersFor(input.locale);
  const outputs = input.outputs as Outputs;
  const channelName = outputs.prepare?.channel.name ?? options.channel;
  const files = outputs.assemble?.files ?? [];
  const kept = outputs.collect?.sources.reduce((sum, s) => sum + s.messages, 0) ?? 0;
  const { first, last } = dateSpan(outputs);
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const participants = !outputs.assemble
    ? "–"
    : outputs.assemble.participantsCapped
      ? t("exporting.participants.atLeast", { count: outputs.assemble.participants })
      : f.number(outputs.assemble.participants);
  const noContent = lacksMessageContent(outputs.collect);
  const hint = t("exporting.messageContent");
  const skipped = skippedLines(t, outputs, kept);
  const done = input.status === "completed";
  const summary = done
    ? `${t("exporting.summary.done", {
        messages: kept,
        channel: channelName,
        format: options.format.toUpperCase(),
        files: files.length,
        bytes,
      })}${noContent ? ` ${hint}` : ""}`
    : t("exporting.summary.unfinished", { channel: channelName, error: input.error ?? "" });
  const fields = [
    { name: t("exporting.field.channel"), value: `#${channelName}` },
    { name: t("exporting.field.messages"), value: f.number(kept) },
    { name: t("exporting.field.participants"), value: participants },
    {
      name: t("exporting.field.dateSpan"),
      value:
        first && last
          ? t("exporting.dateSpan", { first: Date.parse(first), last: Date.parse(last) })
          : t("exporting.dateSpan.none"),
    },
    { name: t("exporting.field.size"), value: t("exporting.size", { bytes, files: files.length }) },
    { name: t("exporting.field.filters"), value: filtersText(t, options) },
    ...(skipped.length > 0
      ? [{ name: t("exporting.field.skipped"), value: skipped.join(" ") }]
      : []),
    ...(noContent ? [{ name: t("exporting.field.messageContent"), value: hint }] : []),
  ];
  const markdown = [
    t("exporting.report.title", { channel: plainText(channelName, 100) }),
    "",
    plainText(summary, 2000),
    "",
    ...fields.map((field) => `- **${field.name}:** ${plainText(field.value, 1000)}`),
    "",
    t("exporting.report.files"),
    "",
    ...(files.length > 0
      ? files.map((file) =>
          t("exporting.report.file", {
            name: plainText(file.name, 200),
            messages: file.messages,
            bytes: file.bytes,
          }),
        )
      : [t("exporting.report.noFiles")]),
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
      skipped: outputs.prepare?.skipped ?? [],
      messageContentMissing: noContent,
      options,
    },
  };
}
