import { deu, eng, fra, ita, jpn, kor, nld, pol, por, rus, spa, swe, zho } from "stopword";

// Function words per language, from the `stopword` package (maintained lists for 60 languages).
// Only the languages named here are bundled: each list is a separate ES export, so the bundler
// drops the rest (about 20 KB for these thirteen instead of 300 KB for all).
const LISTS: Record<string, readonly string[]> = {
  de: deu,
  en: eng,
  es: spa,
  fr: fra,
  it: ita,
  ja: jpn,
  ko: kor,
  nl: nld,
  pl: pol,
  pt: por,
  ru: rus,
  sv: swe,
  zh: zho,
};

// English contractions and web words the package's list lacks; they top every English page.
const ENGLISH_EXTRA = ["it's", "don't", "can't", "i'm", "you're", "we're", "isn't", "via", "also"];

const cache = new Map<string, ReadonlySet<string>>();

/** The primary subtag of a language tag, lower-cased: "de-AT" → "de"; "" when there is none. */
export function primaryLanguage(lang: string | null | undefined): string {
  return (lang ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
}

/**
 * Stop words for the page's language. English when the page declares none or one we have no
 * list for: most pages without a lang attribute are English, and English words are the most
 * common noise on pages in other languages too.
 */
export function stopWordsFor(lang: string | null | undefined): ReadonlySet<string> {
  const key = primaryLanguage(lang) in LISTS ? primaryLanguage(lang) : "en";
  let words = cache.get(key);
  if (!words) {
    words = new Set([...(LISTS[key] ?? []), ...eng, ...ENGLISH_EXTRA]);
    cache.set(key, words);
  }
  return words;
}
