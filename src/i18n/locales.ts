// The languages the bot speaks, named as Discord names locales (docs: reference#locales).

export const SUPPORTED_LOCALES = ["en-US", "de", "fr", "es-ES", "pt-BR", "ja"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en-US";

/** The locales other than the default: those a command's `*_localizations` map names. */
export const TRANSLATED_LOCALES = SUPPORTED_LOCALES.filter(
  (locale): locale is Exclude<Locale, "en-US"> => locale !== DEFAULT_LOCALE,
);

// Discord locales we do not translate into, answered in their nearest supported language.
const NEAREST: Readonly<Record<string, Locale>> = {
  "en-GB": "en-US",
  "es-419": "es-ES",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** A Discord `locale` / `guild_locale` (or none) as the language we answer in: English when unknown. */
export function resolveLocale(discordLocale: string | null | undefined): Locale {
  if (isLocale(discordLocale)) return discordLocale;
  return (discordLocale ? NEAREST[discordLocale] : undefined) ?? DEFAULT_LOCALE;
}

/** Longest Accept-Language header read; a longer one is cut (an outsider controls it). */
const MAX_ACCEPT_LANGUAGE = 512;
const MAX_LANGUAGE_RANGES = 16;

/**
 * The live page's language from the browser's Accept-Language: the first range (by q, then
 * order) naming a supported locale or its language; English when none does.
 */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranges = header
    .slice(0, MAX_ACCEPT_LANGUAGE)
    .split(",", MAX_LANGUAGE_RANGES)
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((range) => range.tag !== "" && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of ranges) {
    const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    const language = tag.split("-")[0];
    const byLanguage = SUPPORTED_LOCALES.find((locale) => locale.split("-")[0] === language);
    if (byLanguage) return byLanguage;
  }
  return DEFAULT_LOCALE;
}
