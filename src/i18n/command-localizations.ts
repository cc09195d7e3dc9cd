// Slash-command data in every language: the English text is the command's own, the others go in
// Discord's `*_localizations` maps. Command messages take no variables (Discord shows them as
// they are), so they render with no escaping.
import type { LocalizationMap } from "discord-api-types/v10";
import type { MessageKey } from "./catalog-types.ts";
import { DEFAULT_LOCALE, type Locale, TRANSLATED_LOCALES } from "./locales.ts";
import { type ArgsOf, createTranslator, type Translate } from "./translator.ts";

/** Keys of messages with no variables: the only kind a command's data can show. */
type CommandKey = { [K in MessageKey]: ArgsOf<K> extends [] ? K : never }[MessageKey];

const translators = new Map<Locale, Translate>();

function textIn(locale: Locale, key: MessageKey): string {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale, (text) => text);
    translators.set(locale, t);
  }
  return (t as unknown as (key: MessageKey) => string)(key);
}

/** The English text and the other languages' map for one catalog message. */
export function localizations(key: CommandKey): { text: string; map: LocalizationMap } {
  const map: LocalizationMap = {};
  for (const locale of TRANSLATED_LOCALES) map[locale] = textIn(locale, key);
  return { text: textIn(DEFAULT_LOCALE, key), map };
}

/** `{ name, name_localizations }` for a command, option or subcommand. */
export function named(key: CommandKey): { name: string; name_localizations: LocalizationMap } {
  const { text, map } = localizations(key);
  return { name: text, name_localizations: map };
}

/** `{ description, description_localizations }` for a command, option or subcommand. */
export function described(key: CommandKey): {
  description: string;
  description_localizations: LocalizationMap;
} {
  const { text, map } = localizations(key);
  return { description: text, description_localizations: map };
}

/** A string choice: its shown name in every language, its value as the code reads it. */
export function choice<V extends string | number>(
  key: CommandKey,
  value: V,
): { name: string; name_localizations: LocalizationMap; value: V } {
  return { ...named(key), value };
}
