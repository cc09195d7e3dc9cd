// What never reaches a log line: values of fields named like credentials (at any depth), the
// query string, fragment and user:password of every URL inside any string (users type URLs that
// carry tokens: ?token=, #access_token=, https://user:pass@host), and the token segment of
// Discord webhook paths. Bounded: nesting deeper than MAX_DEPTH is cut, not walked.

export type LogFields = Record<string, unknown>;

// Field names that may carry credentials; their values never reach a log line.
const SECRET_FIELDS = /token|secret|authorization|signature|password|api[-_]?key|cookie/i;
const MAX_DEPTH = 6;
const REDACTED = "[redacted]";

// A URL as it appears inside free text: scheme, then anything up to whitespace or a quote.
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
// /webhooks/{id}/{token}: the token is the credential (interaction tokens included).
const WEBHOOK_TOKEN = /(\/webhooks\/[^/\s?#]+\/)[^/\s?#]+/g;

function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not parseable: keep what comes before any query or fragment.
    return text.replace(/[?#].*$/, (rest) => (rest ? `${rest[0]}${REDACTED}` : ""));
  }
  if (url.username || url.password) {
    url.username = REDACTED;
    url.password = "";
  }
  const query = url.search ? `?${REDACTED}` : "";
  const fragment = url.hash ? `#${REDACTED}` : "";
  url.search = "";
  url.hash = "";
  return `${url.href}${query}${fragment}`;
}

export function redactText(text: string): string {
  return text.replace(URL_IN_TEXT, redactUrl).replace(WEBHOOK_TOKEN, `$1${REDACTED}`);
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return redactText(value);
  if (value instanceof URL) return redactText(value.href);
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return redactFields(value as LogFields, depth + 1);
}

/** `fields` safe to print: credentials, URL queries and nested secrets replaced. */
export function redactFields(fields: LogFields, depth = 0): LogFields {
  const safe: LogFields = {};
  for (const [key, value] of Object.entries(fields))
    safe[key] = SECRET_FIELDS.test(key) ? REDACTED : redactValue(value, depth);
  return safe;
}
