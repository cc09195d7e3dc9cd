import { ApplicationCommandOptionType as Option } from "../../discord/constants.ts";
import { choice, described, named } from "../../i18n/command-localizations.ts";
import { textRef } from "../../i18n/text-ref.ts";
import type { WorkflowDefinition } from "../../workflow/definition.ts";
import { buildAutointelResult } from "./build-result.ts";
import { SOFT_DEADLINE_MS } from "./deadline.ts";
import { estimateDurationMs, plannedRequests, shallowerRun } from "./depth.ts";
import { type AutointelOptions, parseAutointelOptions } from "./options.ts";
import { checkLinksStage } from "./stages/check-links.ts";
import { crawlStage } from "./stages/crawl.ts";
import { extractStage } from "./stages/extract.ts";
import { fetchStage } from "./stages/fetch.ts";
import { resolveStage } from "./stages/resolve.ts";
import { summariseStage } from "./stages/summarise.ts";

/** `/autointel url depth`: analyse a page and crawl its site; deep runs outlive the token. */
export const autointelWorkflow: WorkflowDefinition<AutointelOptions> = {
  name: "autointel",
  title: textRef("autointel.title"),
  command: {
    ...described("autointel.command.description"),
    options: [
      {
        type: Option.String,
        ...named("autointel.option.url"),
        ...described("autointel.option.url.description"),
        required: true,
        max_length: 2048,
      },
      {
        type: Option.String,
        ...named("autointel.option.depth"),
        ...described("autointel.option.depth.description"),
        required: false,
        choices: [
          choice("autointel.choice.quick", "quick"),
          choice("autointel.choice.standard", "standard"),
          choice("autointel.choice.deep", "deep"),
        ],
      },
    ],
  },
  parseOptions: parseAutointelOptions,
  estimateMs: (options) => estimateDurationMs(options.depth),
  outboundRequests: (options) => plannedRequests(options.depth),
  softDeadlineMs: (options) => SOFT_DEADLINE_MS[options.depth],
  describeInput: (options) => options.url,
  stages: [resolveStage, fetchStage, extractStage, crawlStage, checkLinksStage, summariseStage],
  lighterRun: shallowerRun,
  buildResult: buildAutointelResult,
};
