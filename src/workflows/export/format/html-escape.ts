// The only two doors from outside text into the HTML export: text is escaped for element content
// and attribute values alike, and a URL becomes an href or src only when it is absolute
// http(s). Every other byte of the file is markup the writer builds from its own constants.

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** `text` safe in element content and in a quoted attribute value. */
export function escapeHtml(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const entity = ENTITIES[text.charAt(i)];
    if (entity === undefined) continue;
    out += text.slice(from, i) + entity;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Escaped text whose line breaks show as line breaks. */
export function escapeLines(text: string): string {
  return escapeHtml(text).replaceAll("\n", "<br>");
}

/** The URL, normalised, when it is absolute http or https; otherwise null (javascript:, data:…). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null; // not a URL: shown as text, never as a link
  }
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}
