import { rawText } from "../discord/render/localized-text.ts";
import type { Locale } from "../i18n/locales.ts";
import { renderText } from "../i18n/text-ref.ts";
import type { AnyWorkflowDefinition, JsonValue } from "../workflow/definition.ts";
import { findWorkflow } from "../workflow/registry.ts";
import { NO_ACTIONS, type ResultActions } from "./result-actions.ts";
import type { StoredResultMeta } from "./result-store.ts";

/**
 * The buttons a result offers: Retry after a failure or a timeout (it resumes from the stored
 * stage outputs); Run again whenever the options were stored and the workflow is still known;
 * the lighter run only after a failure or a timeout, when the workflow has one, its label in
 * `locale` (the language of the message that shows the buttons).
 */
export function resultActionsFor(meta: StoredResultMeta, locale: Locale): ResultActions {
  const definition = findWorkflow(meta.command);
  if (!definition) return NO_ACTIONS;
  const struggled = meta.status === "failed" || meta.status === "timed_out";
  if (meta.options === undefined) return { ...NO_ACTIONS, retry: struggled };
  const lighter = struggled ? (definition.lighterRun?.(meta.options) ?? null) : null;
  return {
    retry: struggled,
    runAgain: true,
    lighterLabel: lighter ? renderText(rawText(locale), lighter.label) : null,
  };
}

type CommandOptions = Record<string, string | number | boolean>;

/** Stored options as slash-command options, so they pass through parseOptions again. */
function asCommandOptions(options: JsonValue): CommandOptions {
  if (options === null || typeof options !== "object" || Array.isArray(options)) return {};
  return Object.fromEntries(
    Object.entries(options).filter(
      (entry): entry is [string, string | number | boolean] =>
        typeof entry[1] === "string" ||
        typeof entry[1] === "number" ||
        typeof entry[1] === "boolean",
    ),
  );
}

export type RerunPlan =
  | { ok: true; workflow: AnyWorkflowDefinition; options: CommandOptions }
  | { ok: false; reason: "unknown_workflow" | "no_options" | "no_lighter_run" };

/** The workflow and options a Run again button starts, to validate with parseOptions. */
export function rerunPlan(meta: StoredResultMeta, lighter: boolean): RerunPlan {
  const workflow = findWorkflow(meta.command);
  if (!workflow) return { ok: false, reason: "unknown_workflow" };
  if (meta.options === undefined) return { ok: false, reason: "no_options" };
  if (!lighter) return { ok: true, workflow, options: asCommandOptions(meta.options) };
  const run = workflow.lighterRun?.(meta.options);
  if (!run) return { ok: false, reason: "no_lighter_run" };
  return { ok: true, workflow, options: asCommandOptions(run.options) };
}
