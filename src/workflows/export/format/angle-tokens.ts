// Discord's bracketed tokens in message text: user, role and channel mentions, custom emoji and
// timestamps. Read by a scanner that looks at most MAX_TOKEN characters ahead of a "<", so a
// message full of unclosed brackets costs linear time.

export type AngleToken =
  | { kind: "user"; id: string }
  | { kind: "role"; id: string }
  | { kind: "channel"; id: string }
  | { kind: "emoji"; name: string; id: string; animated: boolean }
  | { kind: "timestamp"; seconds: number; style: string };

/** Longer than any real token (an emoji name is at most 32 characters, an id 20 digits). */
const MAX_TOKEN = 64;
const TIMESTAMP_STYLES = "tTdDfFR";

function isDigits(text: string, max = 20): boolean {
  if (text.length === 0 || text.length > max) return false;
  for (const char of text) if (char < "0" || char > "9") return false;
  return true;
}

function isEmojiName(text: string): boolean {
  if (text.length < 2 || text.length > 32) return false;
  for (const char of text) {
    const ok =
      (char >= "a" && char <= "z") ||
      (char >= "A" && char <= "Z") ||
      (char >= "0" && char <= "9") ||
      char === "_";
    if (!ok) return false;
  }
  return true;
}

function tokenOf(inner: string): AngleToken | null {
  if (inner.startsWith("@&"))
    return isDigits(inner.slice(2)) ? { kind: "role", id: inner.slice(2) } : null;
  if (inner.startsWith("@!"))
    return isDigits(inner.slice(2)) ? { kind: "user", id: inner.slice(2) } : null;
  if (inner.startsWith("@"))
    return isDigits(inner.slice(1)) ? { kind: "user", id: inner.slice(1) } : null;
  if (inner.startsWith("#"))
    return isDigits(inner.slice(1)) ? { kind: "channel", id: inner.slice(1) } : null;
  const parts = inner.split(":");
  if (parts[0] === "t" && (parts.length === 2 || parts.length === 3)) {
    const style = parts[2] ?? "f";
    const seconds = Number(parts[1]);
    const valid =
      isDigits(parts[1] ?? "", 15) && style.length === 1 && TIMESTAMP_STYLES.includes(style);
    return valid ? { kind: "timestamp", seconds, style } : null;
  }
  if (parts.length === 3 && (parts[0] === "" || parts[0] === "a")) {
    const [flag, name = "", id = ""] = parts;
    return isEmojiName(name) && isDigits(id)
      ? { kind: "emoji", name, id, animated: flag === "a" }
      : null;
  }
  return null;
}

/** The token that starts at `text[start]` (a "<") and the index after its ">", or null. */
export function readAngleToken(
  text: string,
  start: number,
): { token: AngleToken; end: number } | null {
  if (text[start] !== "<") return null;
  // Searched in a bounded window: a text of unclosed "<"s must not cost a scan to its end each.
  const window = text.slice(start + 1, start + 1 + MAX_TOKEN).indexOf(">");
  if (window < 0) return null;
  const close = start + 1 + window;
  const token = tokenOf(text.slice(start + 1, close));
  return token ? { token, end: close + 1 } : null;
}

/** Every custom emoji in `text`, first occurrence of each name only (as DCE's inlineEmojis). */
export function customEmojisIn(text: string): { name: string; id: string; animated: boolean }[] {
  const seen = new Set<string>();
  const found: { name: string; id: string; animated: boolean }[] = [];
  for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i + 1)) {
    const read = readAngleToken(text, i);
    if (read?.token.kind !== "emoji" || seen.has(read.token.name)) continue;
    seen.add(read.token.name);
    found.push({ name: read.token.name, id: read.token.id, animated: read.token.animated });
  }
  return found;
}
