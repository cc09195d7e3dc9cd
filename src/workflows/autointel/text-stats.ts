import { primaryLanguage, stopWordsFor } from "./stop-words.ts";

// Word counts, reading time and term frequencies of a page's visible text, in any language:
// Intl.Segmenter finds the words (Japanese and Chinese have no spaces between them; workerd
// ships ICU's dictionaries for both), so a Japanese sentence counts as its words, not as one.

export const WORDS_PER_MINUTE = 200;
// Latin-script terms shorter than this are mostly noise ("us", "ok"); in Han, kana and Hangul a
// two-character word carries meaning.
const MIN_TERM_LENGTH = 3;
const MIN_CJK_TERM_LENGTH = 2;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string | null | undefined): Intl.Segmenter {
  const key = primaryLanguage(lang);
  let found = segmenters.get(key);
  if (!found) {
    // An unknown or malformed tag falls back to the root locale, which still splits CJK text.
    let locale: string | undefined;
    try {
      locale = key ? (Intl.getCanonicalLocales(key)[0] ?? undefined) : undefined;
    } catch {
      locale = undefined; // not a valid language tag: the root locale's rules apply
    }
    found = new Intl.Segmenter(locale, { granularity: "word" });
    segmenters.set(key, found);
  }
  return found;
}

/** The words of `text` (segments that are words, not spaces or punctuation). */
export function words(text: string, lang?: string | null): string[] {
  const out: string[] = [];
  for (const part of segmenter(lang).segment(text)) if (part.isWordLike) out.push(part.segment);
  return out;
}

export function countWords(text: string, lang?: string | null): number {
  let count = 0;
  for (const part of segmenter(lang).segment(text)) if (part.isWordLike) count++;
  return count;
}

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

function isTerm(word: string, stopWords: ReadonlySet<string>): boolean {
  if (!/\p{L}/u.test(word) || stopWords.has(word)) return false;
  return word.length >= (CJK.test(word) ? MIN_CJK_TERM_LENGTH : MIN_TERM_LENGTH);
}

/** Adds the page's terms (lower-cased words, no stop words of its language, no numbers). */
export function addTerms(text: string, counts: Map<string, number>, lang?: string | null): void {
  const stopWords = stopWordsFor(lang);
  for (const word of words(text, lang)) {
    const term = word.toLocaleLowerCase(primaryLanguage(lang) || undefined).replace(/’/g, "'");
    if (isTerm(term, stopWords)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
}

/** The `limit` most frequent terms, ties broken alphabetically so reports are reproducible. */
export function topTerms(counts: Map<string, number>, limit: number): [string, number][] {
  return [...counts.entries()]
    .sort(([termA, countA], [termB, countB]) => countB - countA || termA.localeCompare(termB))
    .slice(0, limit);
}
