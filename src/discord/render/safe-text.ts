import { truncate } from "./text.ts";

// Text from a fetched page or a user is shown in Discord markdown, where it could become a
// masked link, a mention, a heading, a code fence or subtext. Everything untrusted passes one
// of the two functions below at the point it is shown; stored results keep the raw text.

// Controls (Cc) and format characters (Cf: zero-width, bidi, soft hyphen, tags), plus blank
// fillers and variation selectors: invisible, they can hide `[x](y)` from a reader or split
// "@everyone" past a filter, and bidi controls reorder what the reader sees.
const INVISIBLE = /[\p{Cc}\p{Cf}\u115f\u1160\u3164]|\p{Variation_Selector}/gu;

// Every ASCII character Discord's markdown gives a meaning to; a backslash makes each literal.
const MARKDOWN = /[\\*_~`|>#[\]()\-<:!.+=]/g;

// Discord renders "@everyone" and "@here" as highlighted mentions even when nobody is pinged.
const MASS_MENTION = /@(everyone|here)/gi;

/** Invisible characters removed and every run of whitespace (newlines too) one space. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, " ").replace(INVISIBLE, "").replace(/ {2,}/g, " ").trim();
}

/**
 * Untrusted text as one line of literal text in Discord markdown, cut to `max` characters of
 * the original before escaping (the escaped result is at most about twice as long).
 */
export function plainText(text: string, max: number): string {
  return truncate(flatten(text), max).replace(MARKDOWN, "\\$&").replace(MASS_MENTION, "@\u200b$1");
}

// A code span ends at the first backtick; a look-alike keeps the text readable.
const BACKTICK_LOOKALIKE = "ˋ";

/**
 * Untrusted text (a URL, an id, an input) as an inline code span: nothing inside renders, links
 * are not clickable. `max` bounds the text inside the backticks.
 */
export function codeSpan(text: string, max: number): string {
  const inner = truncate(flatten(text).replaceAll("`", BACKTICK_LOOKALIKE), max);
  return inner === "" ? "–" : `\`${inner}\``;
}
