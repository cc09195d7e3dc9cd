import { discordText } from "../../discord/render/localized-text.ts";
import { resolveLocale } from "../../i18n/locales.ts";
import { resultRetentionDays } from "../../results/retention-settings.ts";

/**
 * The answer to a button whose result is gone (or never was), naming the configured retention,
 * in the language of whoever pressed it.
 */
export function resultGoneText(env: Env, interaction: { locale?: string }): string {
  return discordText(resolveLocale(interaction.locale))("results.retrieve.gone", {
    days: resultRetentionDays(env),
  });
}
