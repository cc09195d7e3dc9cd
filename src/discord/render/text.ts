export const ELLIPSIS = "…";

// Lengths are UTF-16 code units, which never undercount what Discord counts; cuts never fall
// inside a surrogate pair, so no half emoji is sent.
function safeCut(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  const before = text.charCodeAt(index - 1);
  return before >= 0xd800 && before <= 0xdbff ? index - 1 : index;
}

/** `text` if it fits in `max`, else cut and ended with an ellipsis, `max` long at most. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max <= ELLIPSIS.length) return text.slice(0, safeCut(text, max));
  return text.slice(0, safeCut(text, max - ELLIPSIS.length)) + ELLIPSIS;
}

/**
 * Splits `text` into pieces of at most `max`, breaking at the last newline in the window, else
 * the last space, else anywhere. The newline or space a piece breaks at is dropped.
 */
export function splitText(text: string, max: number): string[] {
  if (max <= 1) throw new RangeError("splitText needs max > 1");
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf("\n");
    if (cut <= 0) cut = window.lastIndexOf(" ");
    if (cut > 0) {
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    } else {
      const hard = safeCut(rest, max) || max;
      pieces.push(rest.slice(0, hard));
      rest = rest.slice(hard);
    }
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}
