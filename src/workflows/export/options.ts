import type { APIApplicationCommandBasicOption } from "discord-api-types/v10";
import { ApplicationCommandOptionType as Option } from "../../discord/constants.ts";
import { codeSpan } from "../../discord/render/safe-text.ts";
import { choice, described, named } from "../../i18n/command-localizations.ts";
import { type TextRef, textRef } from "../../i18n/text-ref.ts";
import { trusted } from "../../i18n/translator.ts";
import type {
  CommandInvocation,
  JsonObject,
  OptionsParseResult,
} from "../../workflow/definition.ts";
import { EXPORT_FORMATS, type ExportFormat, MAX_PARTITION, MIN_PARTITION } from "./accepted.ts";
import { checkAccess } from "./access.ts";
import { EXPORTABLE_TYPES } from "./channel-kinds.ts";
import { parseMessageFilter } from "./filter.ts";
import { boundError, parseMessageBound } from "./message-bound.ts";

export { MAX_PARTITION, MIN_PARTITION };

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

const MAX_TEXT = 500;

export const exportCommandOptions: APIApplicationCommandBasicOption[] = [
  {
    type: Option.Channel,
    ...named("exporting.option.channel"),
    ...described("exporting.option.channel.description"),
    channel_types: [...EXPORTABLE_TYPES],
  },
  {
    type: Option.String,
    ...named("exporting.option.format"),
    ...described("exporting.option.format.description"),
    choices: EXPORT_FORMATS.map((format) => choice(`exporting.choice.${format}`, format)),
  },
  {
    type: Option.String,
    ...named("exporting.option.after"),
    ...described("exporting.option.after.description"),
    max_length: MAX_TEXT,
  },
  {
    type: Option.String,
    ...named("exporting.option.before"),
    ...described("exporting.option.before.description"),
    max_length: MAX_TEXT,
  },
  {
    type: Option.String,
    ...named("exporting.option.filter"),
    ...described("exporting.option.filter.description"),
    max_length: MAX_TEXT,
  },
  {
    type: Option.Boolean,
    ...named("exporting.option.threads"),
    ...described("exporting.option.threads.description"),
  },
  {
    type: Option.Integer,
    ...named("exporting.option.partition"),
    ...described("exporting.option.partition.description"),
    min_value: MIN_PARTITION,
    max_value: MAX_PARTITION,
  },
];

const fail = (error: TextRef): OptionsParseResult<ExportOptions> => ({ ok: false, error });

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
): { ok: true; afterId: string | null; beforeId: string | null } | { ok: false; error: TextRef } {
  const after = options.after ? parseMessageBound(options.after) : null;
  if (after && !after.ok) return { ok: false, error: boundError("after", after.problem) };
  const before = options.before ? parseMessageBound(options.before) : null;
  if (before && !before.ok) return { ok: false, error: boundError("before", before.problem) };
  const afterId = after?.ok ? after.id : null;
  const beforeId = before?.ok ? before.id : null;
  if (afterId && beforeId && !idBefore(afterId, beforeId))
    return { ok: false, error: textRef("exporting.error.order") };
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
  if (!/^\d{1,20}$/.test(channel)) return fail(textRef("exporting.error.channel"));
  const format = text(raw, "format") || "html";
  if (!isFormat(format))
    return fail(
      textRef("exporting.error.format", {
        format: trusted(codeSpan(format, 20)),
      }),
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
      return fail(textRef("exporting.error.tooLong", { option: name, limit: MAX_TEXT }));
  const bounds = boundsOf(options);
  if (!bounds.ok) return fail(bounds.error);
  if (options.filter) {
    const filter = parseMessageFilter(options.filter);
    if (!filter.ok) return fail(filter.error);
  }
  if (
    options.partition !== 0 &&
    (!Number.isInteger(options.partition) ||
      options.partition < MIN_PARTITION ||
      options.partition > MAX_PARTITION)
  )
    return fail(textRef("exporting.error.partition", { min: MIN_PARTITION, max: MAX_PARTITION }));
  const refusal = invocation ? checkAccess(channel, invocation) : null;
  if (refusal) return fail(refusal);
  return { ok: true, options };
}
