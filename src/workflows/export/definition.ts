import { described } from "../../i18n/command-localizations.ts";
import { textRef } from "../../i18n/text-ref.ts";
import type { WorkflowDefinition } from "../../workflow/definition.ts";
import { buildExportResult } from "./build-result.ts";
import { type ExportOptions, exportCommandOptions, parseExportOptions } from "./options.ts";
import { assembleStage } from "./stages/assemble.ts";
import { collectStage } from "./stages/collect.ts";
import { prepareStage } from "./stages/prepare.ts";

/** Messages a minute at the bulk share of the gate, for the start estimate only. */
const ESTIMATED_MESSAGES_PER_MINUTE = 30_000;
/** A busy channel's history is unknown before reading it: the estimate assumes a large one. */
const ASSUMED_MESSAGES = 20_000;

/**
 * `/export`: a channel's history (and its threads) to a file, read 100 messages at a time
 * through the bot's gate, kept in R2 chunks as it arrives, and streamed into the file.
 */
export const exportWorkflow: WorkflowDefinition<ExportOptions> = {
  name: "export",
  title: textRef("exporting.title"),
  command: {
    ...described("exporting.command.description"),
    options: exportCommandOptions,
  },
  parseOptions: parseExportOptions,
  estimateMs: () => Math.ceil((ASSUMED_MESSAGES / ESTIMATED_MESSAGES_PER_MINUTE) * 60_000),
  describeInput: (options) => `#${options.channel} (${options.format})`,
  stages: [prepareStage, collectStage, assembleStage],
  buildResult: (input) => buildExportResult(input),
};
