import type { Translate } from "../../i18n/translator.ts";
import { retentionSettings } from "../../results/retention-settings.ts";

const DAY_MS = 24 * 3_600_000;

/** How many days results are kept (RESULT_RETENTION_DAYS), as refusals promise it. */
export function retentionDays(env: Env): number {
  return retentionSettings(env).resultRetentionMs / DAY_MS;
}

/** The answer to a button whose result is gone (or never was), naming the configured retention. */
export function resultGoneText(t: Translate, env: Env): string {
  return t("interactions.resultGone", { days: retentionDays(env) });
}
