// Discord's markdown subset to HTML: fenced code blocks (with a language), block quotes (">" and
// ">>>"), headings (#, ##, ###), subtext (-#) and lists, with inline markdown inside
// (markdown-inline.ts). Text is cut into lines and fences with indexOf only, so the work is linear
// in the text; a text beyond MAX_RENDERED (far above Discord's 4,096-character embed description)
// is shown escaped, unrendered.

import { escapeHtml, escapeLines } from "./html-escape.ts";
import { type MentionNames, renderInline } from "./markdown-inline.ts";

export type { MentionNames } from "./markdown-inline.ts";

const MAX_RENDERED = 20_000;
const FENCE = "```";

function isLanguage(word: string): boolean {
  if (word.length === 0 || word.length > 32) return false;
  for (const char of word) {
    const ok =
      (char >= "a" && char <= "z") ||
      (char >= "A" && char <= "Z") ||
      (char >= "0" && char <= "9") ||
      "+#._-".includes(char);
    if (!ok) return false;
  }
  return true;
}

function codeBlock(body: string): string {
  const newline = body.indexOf("\n");
  const first = newline < 0 ? "" : body.slice(0, newline);
  const language = isLanguage(first) ? first : null;
  let code = language ? body.slice(newline + 1) : body;
  if (code.startsWith("\n")) code = code.slice(1);
  if (code.endsWith("\n")) code = code.slice(0, -1);
  const lang = language ? ` data-lang="${escapeHtml(language)}"` : "";
  return `<pre class="code-block"${lang}><code>${escapeHtml(code)}</code></pre>`;
}

type LineKind =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "subtext"; text: string }
  | { kind: "item"; ordered: boolean; depth: number; text: string }
  | { kind: "quote"; text: string }
  | { kind: "quote-rest"; text: string }
  | { kind: "text"; text: string };

function itemOf(line: string): LineKind | null {
  const indent = line.length - line.trimStart().length;
  const rest = line.slice(indent);
  const depth = Math.min(3, Math.floor(indent / 2));
  if ((rest.startsWith("- ") || rest.startsWith("* ")) && rest.trim().length > 1) {
    return { kind: "item", ordered: false, depth, text: rest.slice(2) };
  }
  const dot = rest.indexOf(". ");
  const digits = rest.slice(0, dot);
  if (dot > 0 && dot <= 9 && /^\d+$/.test(digits) && rest.slice(dot + 2).trim()) {
    return { kind: "item", ordered: true, depth, text: rest.slice(dot + 2) };
  }
  return null;
}

function classify(line: string, quotes: boolean): LineKind {
  if (quotes && (line === ">>>" || line.startsWith(">>> "))) {
    return { kind: "quote-rest", text: line.slice(4) };
  }
  if (quotes && (line === ">" || line.startsWith("> ")))
    return { kind: "quote", text: line.slice(2) };
  for (const level of [1, 2, 3] as const) {
    const marker = `${"#".repeat(level)} `;
    if (line.startsWith(marker) && line.slice(marker.length).trim()) {
      return { kind: "heading", level, text: line.slice(marker.length) };
    }
  }
  if (line.startsWith("-# ") && line.slice(3).trim())
    return { kind: "subtext", text: line.slice(3) };
  return itemOf(line) ?? { kind: "text", text: line };
}

/** Block syntax of a text without fences. `quotes` is false inside a quote (Discord does not nest them). */
function renderBlocks(text: string, names: MentionNames, quotes: boolean): string {
  const lines = text.split("\n");
  let out = "";
  for (let i = 0; i < lines.length; ) {
    const line = classify(lines[i] ?? "", quotes);
    if (line.kind === "quote-rest") {
      const rest = [line.text, ...lines.slice(i + 1)].join("\n");
      return `${out}<blockquote>${renderBlocks(rest, names, false)}</blockquote>`;
    }
    if (line.kind === "heading" || line.kind === "subtext") {
      out += renderRun([line], names);
      i++;
      continue;
    }
    // Runs of quote, item or text lines become one element.
    const run = [line];
    let j = i + 1;
    for (
      let next = classify(lines[j] ?? "", quotes);
      j < lines.length && next.kind === line.kind;
    ) {
      run.push(next);
      j++;
      next = classify(lines[j] ?? "", quotes);
    }
    out += renderRun(run, names);
    i = j;
  }
  return out;
}

function renderRun(run: LineKind[], names: MentionNames): string {
  const first = run[0];
  if (!first) return "";
  const joined = run.map((line) => line.text).join("\n");
  switch (first.kind) {
    case "heading":
      return `<h${first.level} class="md-heading">${renderInline(first.text, names)}</h${first.level}>`;
    case "subtext":
      return `<div class="md-subtext">${renderInline(first.text, names)}</div>`;
    case "quote":
      return `<blockquote>${renderBlocks(joined, names, false)}</blockquote>`;
    case "item":
      return listHtml(run, names);
    default:
      return `<div class="md-text">${renderInline(joined, names)}</div>`;
  }
}

function listHtml(run: LineKind[], names: MentionNames): string {
  let out = "";
  let ordered: boolean | null = null;
  for (const line of run) {
    if (line.kind !== "item") continue;
    if (ordered !== line.ordered) {
      if (ordered !== null) out += ordered ? "</ol>" : "</ul>";
      out += line.ordered ? '<ol class="md-list">' : '<ul class="md-list">';
      ordered = line.ordered;
    }
    out += `<li class="depth-${line.depth}">${renderInline(line.text, names)}</li>`;
  }
  return ordered === null ? out : `${out}${ordered ? "</ol>" : "</ul>"}`;
}

/** Discord markdown as HTML; only markup built here and in markdown-inline.ts, text escaped. */
export function renderDiscordMarkdown(text: string, names: MentionNames): string {
  if (text.length > MAX_RENDERED) return `<div class="md-text">${escapeLines(text)}</div>`;
  let out = "";
  let from = 0;
  for (;;) {
    const open = text.indexOf(FENCE, from);
    const close = open < 0 ? -1 : text.indexOf(FENCE, open + FENCE.length);
    if (close < 0) break;
    if (open > from) out += renderBlocks(text.slice(from, open), names, true);
    out += codeBlock(text.slice(open + FENCE.length, close));
    from = close + FENCE.length;
  }
  return from < text.length ? out + renderBlocks(text.slice(from), names, true) : out;
}
