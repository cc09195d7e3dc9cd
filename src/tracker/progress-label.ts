import { isTextRef, renderText, type TextRef } from "../i18n/text-ref.ts";
import type { Translate } from "../i18n/translator.ts";

/** A stored label longer than this keeps its key only (a kind's variables are short anyway). */
const MAX_STORED_LABEL = 1000;

/** A stage's progress label as the tracker row keeps it: the catalog message, as JSON. */
export function storedLabel(label: TextRef): string {
  const json = JSON.stringify(label);
  return json.length <= MAX_STORED_LABEL ? json : JSON.stringify({ key: label.key });
}

/**
 * The row's progress label in the reader's language. A label stored before labels were catalog
 * messages (plain text) or a label that does not parse is shown as it is.
 */
export function labelText(stored: string | null, t: Translate): string {
  if (!stored) return "";
  if (!stored.startsWith("{")) return stored;
  try {
    const parsed: unknown = JSON.parse(stored);
    return isTextRef(parsed) ? renderText(t, parsed) : stored;
  } catch {
    return stored;
  }
}
