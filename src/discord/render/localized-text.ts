import type { Locale } from "../../i18n/locales.ts";
import { createTranslator, type Translate } from "../../i18n/translator.ts";
import { plainText } from "./safe-text.ts";

/** The longest outside text one variable of a Discord message shows (before escaping). */
const MAX_VARIABLE_CHARS = 1000;

/**
 * Catalog messages for Discord: every string variable is shown literally (markdown escaped,
 * mass mentions broken, one line). Build links and code spans with safe-text.ts and pass them
 * as `trusted(...)`.
 */
export function discordText(locale: Locale): Translate {
  return createTranslator(locale, (text) => plainText(text, MAX_VARIABLE_CHARS));
}

/** Catalog messages for places that escape on their own (a page's textContent, JSON). */
export function rawText(locale: Locale): Translate {
  return createTranslator(locale, (text) => text);
}
