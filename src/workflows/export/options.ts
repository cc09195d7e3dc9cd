import type { APIApplicationCommandBasicOption } from "discord-api-types/v10";
import { ApplicationCommandOptionType as Option } from "../../discord/constants.ts";
import { codeSpan } from "../../discord/render/safe-text.ts";
import { untranslated } from "../../i18n/text-ref.ts";
import type {
  CommandInvocation,
  JsonObject,
  OptionsParseResult,
} from "../../workflow/definition.ts";
import { checkAccess } from "./access.ts";
import { EXPORTABLE_TYPES } from "./channel-kinds.ts";
import { parseMessageFilter } from "./filter.ts";
import { EXPORT_FORMATS, type ExportFormat } from "./format/export-writer.ts";
import { parseMessageBound } from "./message-bound.ts";

/**
 * The options as stored with the result: only scalars, so "Run again" hands them back to
 * parseOptions as they are. Bounds and filter are kept as typed and parsed again by the stages
 * (one parser, and the embed shows what the user wrote).
 */
export interface ExportOptions extends JsonObject {
  channel: string;
  format: ExportFormat;
  after: string;
  before: string;
  filter: string;
  threads: boolean;
  /** Messages per file; 0 = one file. */
  partition: number;
}

export const MIN_PARTITION = 100;
export const MAX_PARTITION = 1_000_000;
const MAX_TEXT = 500;

export const exportCommandOptions: APIApplicationCommandBasicOption[] = [
  {
    type: Option.Channel,
    name: "channel",
    description: "The channel, forum or thread to export (default: this one)",
    channel_types: [...EXPORTABLE_TYPES],
  },
  {
    type: Option.String,
    name: "format",
    description: "The file's format (default: html)",
    choices: EXPORT_FORMATS.map((format) => ({ name: format, value: format })),
  },
  {
    type: Option.String,
    name: "after",
    description: "Only messages after this: a date (2026-01-31), a message link or id",
    max_length: MAX_TEXT,
  },
  {
    type: Option.String,
    name: "before",
    description: "Only messages before this: a date, a message link or id",
    max_length: MAX_TEXT,
  },
  {
    type: Option.String,
    name: "filter",
    description: "e.g. from:alice has:image hello (all must match)",
    max_length: MAX_TEXT,
  },
  {
    type: Option.Boolean,
    name: "threads",
    description: "Also export the channel's threads, active and archived",
  },
  {
    type: Option.Integer,
    name: "partition",
    description: `Split into files of this many messages (at least ${MIN_PARTITION})`,
    min_value: MIN_PARTITION,
    max_value: MAX_PARTITION,
  },
];

const fail = (error: string): OptionsParseResult<ExportOptions> => ({
  ok: false,
  error: untranslated(error),
});

function text(raw: Readonly<Record<string, string | number | boolean>>, name: string): string {
  const value = raw[name];
  return typeof value === "string" ? value.trim() : "";
}

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Snowflakes compare as numbers; ids of different lengths must not compare as text. */
export function idBefore(a: string, b: string): boolean {
  return BigInt(a) < BigInt(b);
}

/** The bounds as message ids (exclusive), from what the user typed; errors name the option. */
export function boundsOf(
  options: Pick<ExportOptions, "after" | "before">,
): { ok: true; afterId: string | null; beforeId: string | null } | { ok: false; error: string } {
  const after = options.after ? parseMessageBound(options.after) : null;
  if (after && !after.ok) return { ok: false, error: `\`after\`: ${after.error}` };
  const before = options.before ? parseMessageBound(options.before) : null;
  if (before && !before.ok) return { ok: false, error: `\`before\`: ${before.error}` };
  const afterId = after?.ok ? after.id : null;
  const beforeId = before?.ok ? before.id : null;
  if (afterId && beforeId && !idBefore(afterId, beforeId))
    return {
      ok: false,
      error: "`after` must be earlier than `before`: nothing lies between them.",
    };
  return { ok: true, afterId, beforeId };
}

/**
 * Validates /export: every refusal says what is wrong and what is accepted. The member's right
 * to read the channel is checked here, from what Discord resolved (access.ts).
 */
export function parseExportOptions(
  raw: Readonly<Record<string, string | number | boolean>>,
  invocation?: CommandInvocation,
): OptionsParseResult<ExportOptions> {
  const channel = text(raw, "channel") || invocation?.channelId || "";
  if (!/^\d{1,20}$/.test(channel))
    return fail("`channel` must be a channel of this server (pick one from the list).");
  const format = text(raw, "format") || "html";
  if (!isFormat(format))
    return fail(
      `\`format\` ${codeSpan(format, 20)} is not one I write; choose ${EXPORT_FORMATS.join(", ")}.`,
    );
  const options: ExportOptions = {
    channel,
    format,
    after: text(raw, "after"),
    before: text(raw, "before"),
    filter: text(raw, "filter"),
    threads: raw.threads === true,
    partition: typeof raw.partition === "number" ? raw.partition : 0,
  };
  for (const name of ["after", "before", "filter"] as const)
    if (options[name].length > MAX_TEXT)
      return fail(`\`${name}\` is longer than ${MAX_TEXT} characters.`);
  const bounds = boundsOf(options);
  if (!bounds.ok) return fail(bounds.error);
  if (options.filter) {
    const filter = parseMessageFilter(options.filter);
    if (!filter.ok) return fail(`\`filter\`: ${filter.error}`);
  }
  if (
    options.partition !== 0 &&
    (!Number.isInteger(options.partition) ||
      options.partition < MIN_PARTITION ||
      options.partition > MAX_PARTITION)
  )
    return fail(
      `\`partition\` must be a whole number of messages from ${MIN_PARTITION} to ${MAX_PARTITION}.`,
    );
  const refusal = invocation ? checkAccess(channel, invocation) : null;
  if (refusal) return fail(refusal);
  return { ok: true, options };
}
