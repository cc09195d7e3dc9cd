// Every request the fake receives, in order, with a one-line summary of its body, so tests can
// assert on the sequence a deploy makes.
export interface RecordedCall {
  method: string;
  /** The path under the API base (/client/v4), e.g. /accounts/acc/d1/database. */
  path: string;
  query: string;
  status: number;
  body: string;
}

const MAX_SUMMARY = 120;

/** A short description: JSON compacted and cut; the Worker upload by its bindings. */
export function summarizeBody(
  contentType: string,
  body: Buffer,
  multipartMetadata?: unknown,
): string {
  if (body.length === 0) return "";
  if (contentType.startsWith("multipart/form-data")) {
    const bindings = (
      (multipartMetadata as { bindings?: { name: string; type: string }[] })?.bindings ?? []
    )
      .map((b) => `${b.name}:${b.type}`)
      .join(" ");
    return `multipart bindings=[${bindings}]`;
  }
  const text = body.toString("utf8").replace(/\s+/g, " ").trim();
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY)}…` : text;
}

const IDS = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b[0-9a-f]{32}\b/g;

/**
 * "STATUS METHOD /path" lines with the account and the ids the fake made up replaced, and the
 * names a lookup asks for (`?name=`) kept, for readable sequence assertions.
 */
export function callLines(calls: readonly RecordedCall[], accountId: string): string[] {
  return calls.map((call) => {
    const path = call.path.replaceAll(accountId, ":account").replace(IDS, ":id");
    const names = new URLSearchParams(call.query).getAll("name");
    return `${call.status} ${call.method} ${path}${names.length > 0 ? ` name=${names.join(",")}` : ""}`;
  });
}
