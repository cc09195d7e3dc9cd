// RFC 9309 path patterns: "*" matches any run of characters, a final "$" anchors the end, every
// other character matches itself after percent-encoding normalisation (§2.2.2).
//
// Why not a RegExp: a pattern compiled to `.*` groups backtracks exponentially on input such as
// `/*a*a*a*a*a*a*a*a*a*a$`, and a synchronous match cannot be interrupted by a heartbeat or an
// abort signal (it froze the shared queue consumer). Why not a library: the maintained npm
// parsers (robots-parser and kin) compile rules to RegExp too.

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const HEX = "0123456789ABCDEF";

function percentEncode(text: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(text)) out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  return out;
}

/**
 * One spelling for one path: non-ASCII characters, controls and spaces percent-encoded as UTF-8,
 * escapes of unreserved characters decoded ("%7E" → "~"), the others in upper-case hex.
 * Linear in the length of the text.
 */
export function normaliseRobotsPath(text: string): string {
  return text
    .replace(/[^\x21-\x7e]+/gu, percentEncode)
    .replace(/%([0-9a-fA-F]{2})/g, (_escape, hex: string) => {
      const char = String.fromCharCode(Number.parseInt(hex, 16));
      return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
    });
}

/**
 * Whether `pattern` matches `path` from its start (both normalised). The pattern is cut at its
 * "*"s into literal pieces; each piece is looked for with indexOf from where the previous one
 * ended, and the leftmost occurrence is always the right one to take (a later one only leaves
 * less room for the pieces after it), so nothing is ever retried. The path is scanned once per
 * piece from a position that only moves forward: O(path + pattern) with a linear indexOf (V8's
 * Boyer–Moore), and never worse than O(path × pattern), which the caps in robots.ts bound.
 */
export function matchesRobotsPattern(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith("$");
  const pieces = (anchored ? pattern.slice(0, -1) : pattern).split("*");
  const first = pieces[0] ?? "";
  if (!path.startsWith(first)) return false;
  if (pieces.length === 1) return !anchored || path.length === first.length;
  let at = first.length;
  const lastIndex = pieces.length - 1;
  for (let index = 1; index < lastIndex; index++) {
    const piece = pieces[index] ?? "";
    const found = path.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  const last = pieces[lastIndex] ?? "";
  if (!anchored) return path.indexOf(last, at) >= 0;
  return path.length - last.length >= at && path.endsWith(last);
}
