import { ApplicationCommandOptionType as Option } from "../../discord/constants.ts";
import { untranslated } from "../../i18n/text-ref.ts";
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
  title: untranslated("Site analysis"),
  command: {
    description: "Analyse a web page and crawl its site; a deep run outlasts Discord's 15 minutes",
    options: [
      {
        type: Option.String,
        name: "url",
        description: "The page to analyse (http:// or https://)",
        required: true,
        max_length: 2048,
      },
      {
        type: Option.String,
        name: "depth",
        description: "How much of the site to crawl (default: standard)",
        required: false,
        choices: [
          { name: "quick: this page and its links", value: "quick" },
          { name: "standard: up to 10 pages", value: "standard" },
          { name: "deep: up to 100 pages (takes a while)", value: "deep" },
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
