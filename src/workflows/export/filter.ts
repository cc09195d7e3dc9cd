// The `filter` option of /export: DiscordChatExporter's most used filter forms
// (Exporting/Filtering/Parsing/FilterGrammar.cs) — from:, mentions:, has:, reaction:, plain words
// and "quoted phrases", each negated by a leading "-" or "~", all combined with AND. DCE's "|"
// and parentheses are refused with a sentence saying so. The parsed filter is plain JSON (it is
// stored in the workflow's options). Matching mirrors DCE's filters; words match as DCE's
// ContainsMessageFilter does (case-insensitive, at word boundaries), found with indexOf instead
// of a RegExp built from the user's text.

import type { APIMessage, APIUser } from "discord-api-types/v10";
import { codeSpan } from "../../discord/render/safe-text.ts";
import { type TextRef, textRef } from "../../i18n/text-ref.ts";
import { trusted } from "../../i18n/translator.ts";
import { HAS_KINDS, type HasKind } from "./accepted.ts";
import { attachmentKind, displayNameOf, fullNameOf } from "./format/dce-model.ts";

const MAX_FILTER = 300;
const MAX_TERMS = 20;
const MAX_TERM = 100;

export type FilterTerm = { negated: boolean } & (
  | { kind: "from" | "mentions" | "reaction"; value: string }
  | { kind: "has"; what: HasKind }
  | { kind: "contains"; text: string }
);

export type MessageFilter = { terms: FilterTerm[] };

/** A refusal is a catalog message that says what is wrong and lists what is accepted. */
export type ParsedFilter = { ok: true; filter: MessageFilter } | { ok: false; error: TextRef };

/**
 * A piece of the user's text shown back safely: a code span without backticks (trusted by the
 * message, which is rendered at once, in the reply to the command).
 */
function shown(text: string) {
  return trusted(codeSpan(text.replaceAll("`", "'"), 40));
}

type Token = { negated: boolean; prefix: string | null; value: string };

/** Splits at spaces outside quotes; a quote may be escaped with a backslash inside quotes. */
function tokenize(text: string): Token[] | TextRef {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === " " || text[i] === "\t" || text[i] === "\n") {
      i++;
      continue;
    }
    const negated = text[i] === "-" || text[i] === "~";
    if (negated) i++;
    let prefix: string | null = null;
    const colon = text.indexOf(":", i);
    const word = text.slice(i, colon).toLowerCase();
    if (colon > i && ["from", "mentions", "has", "reaction"].includes(word)) {
      prefix = word;
      i = colon + 1;
    }
    let value = "";
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      i++;
      for (; i < text.length && text[i] !== quote; i++) {
        if (text[i] === "\\" && i + 1 < text.length) i++;
        value += text[i];
      }
      if (i >= text.length) return textRef("exporting.filter.unclosedQuote");
      i++;
    } else {
      for (; i < text.length && !" \t\n".includes(text.charAt(i)); i++) {
        if ("|()".includes(text.charAt(i))) {
          return textRef("exporting.filter.or");
        }
        value += text[i];
      }
    }
    tokens.push({ negated, prefix, value });
  }
  return tokens;
}

function termOf(token: Token): FilterTerm | TextRef {
  const { negated, prefix, value } = token;
  if (value.trim() === "") {
    return prefix
      ? textRef("exporting.filter.needsValue", { term: shown(`${prefix}:`) })
      : textRef("exporting.filter.emptyTerm");
  }
  if (value.length > MAX_TERM) return textRef("exporting.filter.termTooLong", { limit: MAX_TERM });
  if (prefix === "has") {
    const what = value.toLowerCase();
    const known = HAS_KINDS.find((kind) => kind === what);
    return known
      ? { negated, kind: "has", what: known }
      : textRef("exporting.filter.unknownHas", { term: shown(`has:${value}`) });
  }
  if (prefix === "from" || prefix === "mentions" || prefix === "reaction") {
    return { negated, kind: prefix, value: value.toLowerCase() };
  }
  return { negated, kind: "contains", text: value.toLowerCase() };
}

/** The filter the user typed, or a sentence saying what is wrong and what is accepted. */
export function parseMessageFilter(text: string): ParsedFilter {
  if (text.length > MAX_FILTER)
    return { ok: false, error: textRef("exporting.filter.tooLong", { limit: MAX_FILTER }) };
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return { ok: false, error: tokens };
  if (tokens.length === 0) return { ok: false, error: textRef("exporting.filter.empty") };
  if (tokens.length > MAX_TERMS) {
    const error = textRef("exporting.filter.tooManyTerms", { limit: MAX_TERMS });
    return { ok: false, error };
  }
  const terms: FilterTerm[] = [];
  for (const token of tokens) {
    const term = termOf(token);
    if ("key" in term) return { ok: false, error: term };
    terms.push(term);
  }
  return { ok: true, filter: { terms } };
}

/** DCE's From/Mentions filters: the user name, display name, full name or id; also @name, <@id>. */
function isUser(user: APIUser, value: string): boolean {
  const bare =
    value.startsWith("<@") && value.endsWith(">") ? value.slice(2, -1).replace("!", "") : value;
  const name = bare.startsWith("@") ? bare.slice(1) : bare;
  return [user.username, displayNameOf(user), fullNameOf(user), user.id].some(
    (candidate) => candidate.toLowerCase() === name,
  );
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /^[\p{L}\p{N}_]$/u.test(char);
}

/** DCE's `(?:\b|\s|^)text(?:\b|\s|$)`, case-insensitive, by indexOf. */
export function containsWord(haystack: string, needle: string): boolean {
  const text = haystack.toLowerCase();
  const first = needle.charAt(0);
  const last = needle.charAt(needle.length - 1);
  const edgeOk = (outside: string | undefined, inside: string) =>
    outside === undefined || /^\s$/.test(outside) || isWordChar(outside) !== isWordChar(inside);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (edgeOk(text[at - 1], first) && edgeOk(text[at + needle.length], last)) return true;
  }
  return false;
}

function hasLink(content: string): boolean {
  return content.includes("http://") || content.includes("https://");
}

function has(message: APIMessage, what: HasKind): boolean {
  const kinds = message.attachments.map((file) => attachmentKind(file.filename));
  switch (what) {
    case "attachment":
    case "file":
      return message.attachments.length > 0;
    case "link":
      return hasLink(message.content);
    case "embed":
      return message.embeds.length > 0;
    case "image":
      return kinds.includes("image");
    case "video":
      return kinds.includes("video");
    case "sound":
      return kinds.includes("audio");
    case "sticker":
      return (message.sticker_items ?? []).length > 0;
    case "pin":
      return message.pinned === true;
  }
}

function searchableTexts(message: APIMessage): string[] {
  return [
    message.content,
    ...message.embeds.flatMap((embed) => [
      embed.title ?? "",
      embed.author?.name ?? "",
      embed.description ?? "",
      embed.footer?.text ?? "",
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ]),
  ];
}

function termMatches(term: FilterTerm, message: APIMessage): boolean {
  switch (term.kind) {
    case "from":
      return isUser(message.author, term.value);
    case "mentions":
      return message.mentions.some((user) => isUser(user, term.value));
    case "reaction":
      return (message.reactions ?? []).some(
        ({ emoji }) =>
          emoji.id === term.value ||
          (emoji.name ?? "").toLowerCase() === term.value.replaceAll(":", ""),
      );
    case "has":
      return has(message, term.what);
    case "contains":
      return searchableTexts(message).some((text) => containsWord(text, term.text));
  }
}

/** Whether the message passes every term of the filter. */
export function messageMatches(filter: MessageFilter, message: APIMessage): boolean {
  return filter.terms.every((term) => termMatches(term, message) !== term.negated);
}
