import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import { ButtonStyle, ComponentType } from "../discord/constants.ts";
import { rawText } from "../discord/render/localized-text.ts";
import type { Locale } from "../i18n/locales.ts";

// The buttons under a result. Their custom_ids are `<action>:<workflowId>[:<variant>]`, so the
// interaction router finds the handler by the action alone.

/** On the progress message while the workflow runs: the owner stops it. */
export const CANCEL_PREFIX = "cancel";
/** Failed or timed out: a new workflow resumes after the last completed stage. */
// The id says "retry" (the button's label): buttons already posted must keep working.
export const RESUME_PREFIX = "retry";
export const RUN_AGAIN_PREFIX = "again";
/** Variant of "Run again" that uses the workflow's lighter options (e.g. a shallower crawl). */
export const LIGHTER_VARIANT = "lighter";

export interface ResultActions {
  /** Retry is offered: the run failed or timed out, so its completed stages can be reused. */
  retry: boolean;
  /** The same command with the same options is offered (the options were stored). */
  runAgain: boolean;
  /**
   * Label of the lighter run the workflow suggests after a failure or timeout, if any: plain
   * text in the message's language (a button label shows it as it is).
   */
  lighterLabel: string | null;
}

export const NO_ACTIONS: ResultActions = { retry: false, runAgain: false, lighterLabel: null };

export function cancelId(workflowId: string): string {
  return `${CANCEL_PREFIX}:${workflowId}`;
}

export function runAgainId(workflowId: string, variant?: string): string {
  return variant
    ? `${RUN_AGAIN_PREFIX}:${workflowId}:${variant}`
    : `${RUN_AGAIN_PREFIX}:${workflowId}`;
}

/** The payload of a Run again custom_id: the workflow and whether the lighter run is wanted. */
export function parseRunAgain(payload: string): { workflowId: string; lighter: boolean } {
  const [workflowId = "", variant] = payload.split(":");
  return { workflowId, lighter: variant === LIGHTER_VARIANT };
}

/** One row of buttons, labelled in `locale`, or none when nothing is offered. */
export function resultButtons(
  workflowId: string,
  actions: ResultActions,
  locale: Locale,
): APIActionRowComponent<APIButtonComponent>[] {
  const t = rawText(locale);
  const buttons: APIButtonComponent[] = [];
  if (actions.retry)
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: t("results.button.retry"),
      emoji: { name: "↩️" },
      custom_id: `${RESUME_PREFIX}:${workflowId}`,
    });
  if (actions.runAgain) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: t("results.button.runAgain"),
      emoji: { name: "🔁" },
      custom_id: runAgainId(workflowId),
    });
    if (actions.lighterLabel)
      buttons.push({
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: actions.lighterLabel.slice(0, 80),
        custom_id: runAgainId(workflowId, LIGHTER_VARIANT),
      });
  }
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}
