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

/** "METHOD /path" lines with the account id replaced, for readable sequence assertions. */
export function callLines(calls: readonly RecordedCall[], accountId: string): string[] {
  return calls.map((call) => `${call.method} ${call.path.replaceAll(accountId, ":account")}`);
}
