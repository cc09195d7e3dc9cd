// Discord's inline markdown to HTML: bold, italic, underline, strike, spoiler, inline code,
// masked and bare links, mentions, custom emoji and timestamps. Every run of message text is
// escaped on its way out (html-escape.ts); tags come only from the constants below.
//
// Why not a RegExp per rule, as Discord's own simple-markdown does: lazy patterns over outside
// text backtrack, and a synchronous match cannot be stopped. Instead a cursor walks the text once;
// a delimiter looks ahead for its closer, a failed look-ahead is remembered so the next opener of
// that kind in the same span does not repeat it, brackets look ahead within a fixed window, and
// nesting stops at MAX_DEPTH. The work is O(length × MAX_DEPTH).

import { type AngleToken, readAngleToken } from "./angle-tokens.ts";
import { escapeHtml, escapeLines, safeHttpUrl } from "./html-escape.ts";

/** Names for mentions, or null when unknown. */
export interface MentionNames {
  user(id: string): string | null;
  role(id: string): string | null;
  channel(id: string): string | null;
}

const MAX_DEPTH = 8;
const MAX_LINK_TEXT = 256;
const MAX_URL = 2048;

interface Span {
  readonly text: string;
  readonly names: MentionNames;
  /** Per delimiter and span end: the earliest start from which no closer was found. */
  readonly noCloser: Map<string, number>;
}

type Match = { html: string; next: number } | null;

const PAIRED: readonly [delimiter: string, open: string, close: string][] = [
  ["**", "<strong>", "</strong>"],
  ["__", "<u>", "</u>"],
  ["~~", "<s>", "</s>"],
  ["||", '<span class="spoiler">', "</span>"],
];

function isSpace(char: string | undefined): boolean {
  return char === undefined || char === " " || char === "\n" || char === "\t";
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /^[\p{L}\p{N}]$/u.test(char);
}

/** Whether `char` may be escaped by a backslash (ASCII punctuation, as in Discord). */
function isEscapable(char: string | undefined): boolean {
  return char !== undefined && /^[!-/:-@[-`{-~]$/.test(char);
}

/**
 * The index of the closer of `delimiter` opened at `from` within `end`, or -1. A double
 * delimiter closes where it is not followed by its own character ("***x***" closes at the last
 * two); a single one skips doubles inside it ("*a **b** c*") and must follow a non-space.
 * Inside backticks nothing is special: no escapes, and a closer may follow a space.
 */
function findCloser(span: Span, delimiter: string, from: number, end: number): number {
  const key = `${delimiter}|${end}`;
  if ((span.noCloser.get(key) ?? Number.POSITIVE_INFINITY) <= from) return -1;
  const { text } = span;
  const char = delimiter.charAt(0);
  const single = delimiter.length === 1;
  const code = char === "`";
  for (let j = from; j + delimiter.length <= end; j++) {
    if (text[j] === "\\" && !code) {
      j++;
      continue;
    }
    if (!text.startsWith(delimiter, j)) continue;
    if (single && j + 1 < end && text[j + 1] === char) {
      j++;
      continue;
    }
    const followedBySame = text[j + delimiter.length] === char && j + delimiter.length < end;
    if (j === from || (!single && followedBySame)) continue;
    if (single && !code && isSpace(text[j - 1])) continue;
    if (char === "_" && single && isWordChar(text[j + 1])) continue;
    return j;
  }
  span.noCloser.set(key, Math.min(span.noCloser.get(key) ?? from, from));
  return -1;
}

function emphasis(span: Span, at: number, end: number, depth: number): Match {
  const { text } = span;
  for (const [delimiter, open, close] of PAIRED) {
    if (!text.startsWith(delimiter, at)) continue;
    const closer = findCloser(span, delimiter, at + 2, end);
    if (closer >= 0) {
      const inner = renderInlineRange(span, at + 2, closer, depth + 1);
      return { html: `${open}${inner}${close}`, next: closer + 2 };
    }
  }
  const char = text.charAt(at);
  if (char !== "*" && char !== "_") return null;
  if (isSpace(text[at + 1])) return null;
  if (char === "_" && isWordChar(text[at - 1])) return null;
  const closer = findCloser(span, char, at + 1, end);
  if (closer < 0) return null;
  const inner = renderInlineRange(span, at + 1, closer, depth + 1);
  return { html: `<em>${inner}</em>`, next: closer + 1 };
}

function inlineCode(span: Span, at: number, end: number): Match {
  const { text } = span;
  const ticks = text.startsWith("``", at) ? "``" : "`";
  const closer = findCloser(span, ticks, at + ticks.length, end);
  if (closer < 0) return null;
  let code = text.slice(at + ticks.length, closer);
  if (ticks === "``" && code.startsWith(" ") && code.endsWith(" ")) code = code.slice(1, -1);
  return { html: `<code class="inline">${escapeHtml(code)}</code>`, next: closer + ticks.length };
}

function anchor(href: string, inner: string): string {
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${inner}</a>`;
}

function tokenHtml(token: AngleToken, names: MentionNames): string {
  switch (token.kind) {
    case "user":
      return `<span class="mention">@${escapeHtml(names.user(token.id) ?? "unknown-user")}</span>`;
    case "role":
      return `<span class="mention">@${escapeHtml(names.role(token.id) ?? "unknown-role")}</span>`;
    case "channel":
      return `<span class="mention">#${escapeHtml(names.channel(token.id) ?? "unknown-channel")}</span>`;
    case "emoji": {
      const src = `https://cdn.discordapp.com/emojis/${token.id}.${token.animated ? "gif" : "png"}`;
      const alt = escapeHtml(`:${token.name}:`);
      return `<img class="emoji" src="${src}" alt="${alt}" title="${alt}">`;
    }
    case "timestamp":
      return timeElement(new Date(token.seconds * 1000), token.style);
  }
}

/** A moment as UTC text the page's own script rewrites into the reader's zone and locale. */
export function timeElement(date: Date, style: string): string {
  if (Number.isNaN(date.getTime())) return "Invalid date";
  const iso = date.toISOString();
  const text = `${iso.slice(0, 16).replace("T", " ")} UTC`;
  return `<time datetime="${iso}" data-format="${escapeHtml(style)}">${text}</time>`;
}

function angle(span: Span, at: number): Match {
  const { text } = span;
  const read = readAngleToken(text, at);
  if (read) return { html: tokenHtml(read.token, span.names), next: read.end };
  if (!text.startsWith("<http", at)) return null;
  const close = text.slice(at, at + MAX_URL).indexOf(">");
  const url = close > 0 ? safeHttpUrl(text.slice(at + 1, at + close)) : null;
  if (!url || /\s/.test(text.slice(at + 1, at + close))) return null;
  return { html: anchor(url, escapeHtml(text.slice(at + 1, at + close))), next: at + close + 1 };
}

function maskedLink(span: Span, at: number, end: number, depth: number): Match {
  const { text } = span;
  const label = text.slice(at + 1, Math.min(end, at + 1 + MAX_LINK_TEXT)).indexOf("](");
  if (label <= 0) return null;
  const open = at + 1 + label + 2;
  const close = text.slice(open, Math.min(end, open + MAX_URL)).indexOf(")");
  if (close < 0) return null;
  let target = text.slice(open, open + close).trim();
  if (target.startsWith("<") && target.endsWith(">")) target = target.slice(1, -1);
  const url = safeHttpUrl(target);
  if (!url || /\s/.test(target)) return null;
  const linkSpan: Span = { ...span, noCloser: new Map() };
  const inner = renderInlineRange(linkSpan, at + 1, at + 1 + label, depth + 1, false);
  return { html: anchor(url, inner), next: open + close + 1 };
}

function bareLink(span: Span, at: number, end: number): Match {
  const { text } = span;
  if (!text.startsWith("http://", at) && !text.startsWith("https://", at)) return null;
  let stop = at;
  while (stop < end && stop - at < MAX_URL && !isSpace(text[stop]) && text[stop] !== "<") stop++;
  while (stop > at && ".,:;!?)\"'".includes(text.charAt(stop - 1))) stop--;
  const raw = text.slice(at, stop);
  const url = safeHttpUrl(raw);
  return url ? { html: anchor(url, escapeHtml(raw)), next: stop } : null;
}

function massMention(span: Span, at: number): Match {
  for (const word of ["@everyone", "@here"]) {
    if (span.text.startsWith(word, at)) {
      return { html: `<span class="mention">${word}</span>`, next: at + word.length };
    }
  }
  return null;
}

function matchAt(span: Span, at: number, end: number, depth: number, links: boolean): Match {
  const { text } = span;
  switch (text[at]) {
    case "\\":
      return isEscapable(text[at + 1])
        ? { html: escapeHtml(text.charAt(at + 1)), next: at + 2 }
        : null;
    case "`":
      return inlineCode(span, at, end);
    case "<":
      return angle(span, at);
    case "@":
      return massMention(span, at);
    case "[":
      return links ? maskedLink(span, at, end, depth) : null;
    case "h":
      return links && !isWordChar(text[at - 1]) ? bareLink(span, at, end) : null;
    case "*":
    case "_":
    case "~":
    case "|":
      return depth < MAX_DEPTH ? emphasis(span, at, end, depth) : null;
    default:
      return null;
  }
}

function renderInlineRange(
  span: Span,
  start: number,
  end: number,
  depth: number,
  links = true,
): string {
  let out = "";
  let plainFrom = start;
  for (let at = start; at < end; ) {
    const match = matchAt(span, at, end, depth, links);
    if (!match || match.next > end) {
      at++;
      continue;
    }
    out += escapeLines(span.text.slice(plainFrom, at)) + match.html;
    at = match.next;
    plainFrom = at;
  }
  return out + escapeLines(span.text.slice(plainFrom, end));
}

/** One run of inline markdown (no block syntax) as HTML. */
export function renderInline(text: string, names: MentionNames): string {
  return renderInlineRange({ text, names, noCloser: new Map() }, 0, text.length, 0);
}
