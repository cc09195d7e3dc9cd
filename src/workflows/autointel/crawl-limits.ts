// How much of a hostile site the analysis keeps. Everything here travels in the crawl's paused
// state (stored by the tracker between invocations) and in its output, so these caps are what
// bounds them: about 256 KiB of links, 256 KiB of robots.txt rules (robots.ts), and small
// change for pages and terms. What a cap cuts is counted, and the report says so.

import { MAX_URL_LENGTH } from "./options.ts";

/** A link longer than the longest address /autointel itself accepts is not followed or checked. */
export const MAX_LINK_LENGTH = MAX_URL_LENGTH;
/** Links kept per page read (the extract), in document order. */
export const MAX_LINKS_PER_PAGE = 500;
/** Distinct links the crawl tracks across the site, and their total length. */
export const MAX_TRACKED_LINKS = 1000;
export const MAX_TRACKED_LINK_CHARS = 256 * 1024;
/** A "word" longer than this is not a term anybody searches for (a base64 blob, a keyboard mash). */
export const MAX_TERM_LENGTH = 40;
/** Titles, descriptions, headings and notes are cut to this, ending in "…". */
export const MAX_TEXT_LENGTH = 300;
/** URLs listed as skipped because robots.txt disallows them. */
export const MAX_SKIPPED_LISTED = 50;

/** `text` cut to `max` characters, the cut marked with "…". */
export function clip(text: string, max = MAX_TEXT_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
