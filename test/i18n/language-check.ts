// Which language a message the bot sent is in, judged against the catalogs: the literal parts of
// every catalog message (the text between its variables), in English and in the locale expected.
import { rawText } from "../../src/discord/render/localized-text.ts";
import { CATALOGS } from "../../src/i18n/catalog.ts";
import type { MessageKey } from "../../src/i18n/catalog-types.ts";
import { DEFAULT_LOCALE, type Locale } from "../../src/i18n/locales.ts";
import { displayed } from "../helpers/markdown-hazards.ts";
import { messageSamples } from "./samples/index.ts";

/** A formatted number (a sample's count, size or duration figure) is a variable's too. */
const NUMBER = /\d[\d.,\u00a0\u202f ]*/;
/** Where a string variable stood (a private-use character no catalog writes). */
const HOLE = "\uE000";
const samples = messageSamples as unknown as Record<MessageKey, Record<string, unknown>>;

function withHoles(vars: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(vars))
    out[name] =
      typeof value === "string"
        ? HOLE
        : Array.isArray(value)
          ? value.map((item) => (typeof item === "string" ? HOLE : item))
          : value;
  return out;
}

/** The literal runs of one locale's messages: what the catalog, not a variable, wrote. */
function literalRuns(locale: Locale): Set<string> {
  const t = rawText(locale) as unknown as (key: MessageKey, vars: unknown) => string;
  const runs = new Set<string>();
  for (const key of Object.keys(CATALOGS[locale]) as MessageKey[]) {
    if (key === "common.untranslated") continue;
    for (const run of t(key, withHoles(samples[key] ?? {}))
      .split(HOLE)
      .flatMap((part) => part.split(NUMBER))
      .flatMap((part) => part.split("\n")))
      runs.add(run.trim());
  }
  return runs;
}

const cache = new Map<Locale, Set<string>>();
function runsOf(locale: Locale): Set<string> {
  let runs = cache.get(locale);
  if (!runs) {
    runs = literalRuns(locale);
    cache.set(locale, runs);
  }
  return runs;
}

/** English sentences: runs of three words or more that no other locale writes as well. */
function englishSentences(locale: Locale): string[] {
  const theirs = runsOf(locale);
  return [...runsOf(DEFAULT_LOCALE)].filter(
    (run) => /(\p{L}{2,}\W+){2,}\p{L}{2,}/u.test(run) && run.length >= 12 && !theirs.has(run),
  );
}

/** The locale's own runs long enough to recognise (two characters of Japanese are a word). */
function ownRuns(locale: Locale): string[] {
  const minimum = locale === "ja" ? 2 : 5;
  const english = runsOf(DEFAULT_LOCALE);
  return [...runsOf(locale)].filter(
    (run) => run.length >= minimum && /\p{L}/u.test(run) && !english.has(run),
  );
}

/**
 * Words no other language here writes but every English sentence of ours does: text built
 * outside the catalog (a hard-coded English literal) shows them even when no catalog message
 * matches it.
 */
const ENGLISH_WORDS = new Set(
  "the and with your you was were this that of is are has have for from been will not which when".split(
    " ",
  ),
);
/** Code spans, links and Discord markup hold ids, URLs and names, not sentences. */
const NOT_PROSE = /`[^`]*`|https?:\/\/\S+|<[^>]*>/g;

function englishWordsIn(text: string): string[] {
  const words =
    text
      .replace(NOT_PROSE, " ")
      .toLowerCase()
      .match(/[a-z]+/g) ?? [];
  return [...new Set(words.filter((word) => ENGLISH_WORDS.has(word)))];
}

/**
 * Problems with `text` as a message meant to be in `locale`: English catalog sentences in it,
 * English prose (two English function words), or none of the locale's own catalog text.
 */
export function languageProblems(text: string, locale: Locale): string[] {
  const shown = displayed(text);
  const english = englishWordsIn(shown);
  const problems = englishSentences(locale)
    .filter((sentence) => shown.includes(sentence))
    .map((sentence) => `English catalog text ${JSON.stringify(sentence)}`);
  if (english.length >= 3)
    problems.push(`English words ${english.join(", ")} in ${JSON.stringify(shown.slice(0, 300))}`);
  if (!ownRuns(locale).some((run) => shown.includes(run)))
    problems.push(`no ${locale} catalog text in ${JSON.stringify(shown.slice(0, 200))}`);
  return problems;
}
