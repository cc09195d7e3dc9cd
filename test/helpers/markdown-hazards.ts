// What Discord would render as markup in a piece of message text, found the way its parser
// reads it: a backslash makes the next character literal, and nothing inside a code span
// renders. Tests use it to prove that page or user text never becomes a link, mention or heading.

/** `text` as Discord's parser sees it: escaped characters and code spans replaced by "·". */
export function renderedSurface(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === "\\" && i + 1 < text.length && /[^\p{L}\p{N}\s]/u.test(text[i + 1] as string)) {
      out += "··";
      i++;
      continue;
    }
    if (char === "`") {
      const close = text.indexOf("`", i + 1);
      if (close > i) {
        out += "·".repeat(close - i + 1);
        i = close;
        continue;
      }
    }
    out += char;
  }
  return out;
}

const HAZARDS: [string, RegExp][] = [
  ["masked link", /\[[^\]\n]*\]\([^)\n]*\)/],
  ["user, role or channel mention", /<(@[!&]?|#)\d+>/],
  ["mass mention", /@(everyone|here)\b/i],
  ["heading", /(^|\n)[ \t]*#{1,3}[ \t]/],
  ["subtext", /(^|\n)[ \t]*-#[ \t]/],
  ["block quote", /(^|\n)[ \t]*>{1,3}[ \t]/],
  ["timestamp or emoji markup", /<(t|a?:\w+):[^>]*>/],
];

// The bot's own markup, which no page text can produce: the workflow id in subtext.
const OWN_MARKUP = /^-# workflow [0-9a-f-]{36}$/gm;

/** The kinds of markup `text` would render; `allowUsers` lists mentions the bot meant. */
export function markdownHazards(text: string, allowUsers: string[] = []): string[] {
  let surface = renderedSurface(text).replace(OWN_MARKUP, "");
  for (const id of allowUsers) surface = surface.replaceAll(`<@${id}>`, "");
  const found = HAZARDS.filter(([, pattern]) => pattern.test(surface)).map(([name]) => name);
  // A fence opens before any code span could close, so it is looked for in the raw text.
  if (/(?<!\\)```/.test(text)) found.push("code fence");
  return found;
}

/** Every string in a message body (content, embeds, components), to check them all. */
export function messageTexts(body: unknown): string[] {
  if (typeof body === "string") return [body];
  if (Array.isArray(body)) return body.flatMap(messageTexts);
  if (body === null || typeof body !== "object") return [];
  return Object.entries(body).flatMap(([key, value]) =>
    // Ids, URLs of buttons and flags are not rendered text.
    ["custom_id", "url", "id", "allowed_mentions", "nonce", "attachments"].includes(key)
      ? []
      : messageTexts(value),
  );
}

/** What a reader sees of `text`: Discord's backslash escapes removed. */
export function displayed(text: string): string {
  return text.replace(/\\([^\p{L}\p{N}\s])/gu, "$1");
}
