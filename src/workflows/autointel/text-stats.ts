// Word counts, reading time and term frequencies of a page's visible text.

export const WORDS_PER_MINUTE = 200;
const MIN_TERM_LENGTH = 3;

// Function words that would otherwise top every English page's term list.
const STOP_WORDS = new Set(
  (
    "the and for are but not you all any can had her was one our out has have him his how its " +
    "may new now old see two way who did get let put say she too use that with this from they " +
    "will would there their what about which when make like time just know take into your some " +
    "could them than then look only come over also back after work first well even want because " +
    "these give most very been were being more other such each those where while here should " +
    "does doing done much many every through between both under again further once same few own " +
    "off why yes what's it's don't can't i'm you're we're they're isn't aren't wasn't there's via"
  ).split(" "),
);

export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Adds the page's terms (lower-cased words, no stop words or numbers) to `counts`. */
export function addTerms(text: string, counts: Map<string, number>): void {
  for (const match of text.toLowerCase().matchAll(/\p{L}[\p{L}\p{N}'’-]*/gu)) {
    const term = match[0].replace(/['’-]+$/, "").replace(/’/g, "'");
    if (term.length < MIN_TERM_LENGTH || STOP_WORDS.has(term)) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
}

/** The `limit` most frequent terms, ties broken alphabetically so reports are reproducible. */
export function topTerms(counts: Map<string, number>, limit: number): [string, number][] {
  return [...counts.entries()]
    .sort(([termA, countA], [termB, countB]) => countB - countA || termA.localeCompare(termB))
    .slice(0, limit);
}
