import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/locales.ts";

// The live page's language travels with its socket URL (`?lang=de`): the page chose it from the
// browser's Accept-Language, and the socket's states and error messages follow it. Anything but a
// supported locale reads as English.

export const LIVE_LOCALE_PARAM = "lang";

/** The locale a socket URL (or a tracker's /live/… request) names; English when none or unknown. */
export function liveLocaleOf(url: URL): Locale {
  const named = url.searchParams.get(LIVE_LOCALE_PARAM);
  return isLocale(named) ? named : DEFAULT_LOCALE;
}

/** `path` with the locale added as its `lang` parameter. */
export function withLiveLocale(path: string, locale: Locale): string {
  const separator = path.includes("?") ? "&" : "?";
  return `${path}${separator}${LIVE_LOCALE_PARAM}=${encodeURIComponent(locale)}`;
}
