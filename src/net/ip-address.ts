// Parsers for the IP literals a URL host can hold, in the canonical form the WHATWG URL parser
// produces (it already turns 2130706433, 0x7f.1 and 017700000001 into 127.0.0.1). Anything that
// is not canonical is reported as "not an address" and the guard refuses it separately.

/** A dotted-quad IPv4 address as an unsigned 32-bit number, or null. */
export function parseIPv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join(".");
}

function parseGroups(text: string, allowIPv4Tail: boolean): number[] | null {
  if (text === "") return [];
  const words: number[] = [];
  const groups = text.split(":");
  for (const [index, group] of groups.entries()) {
    if (allowIPv4Tail && group.includes(".") && index === groups.length - 1) {
      const v4 = parseIPv4(group);
      if (v4 === null) return null;
      words.push(v4 >>> 16, v4 & 0xffff);
    } else if (/^[0-9a-f]{1,4}$/i.test(group)) {
      words.push(Number.parseInt(group, 16));
    } else {
      return null;
    }
  }
  return words;
}

/** An IPv6 address (without brackets) as eight 16-bit words, or null. */
export function parseIPv6(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? "", halves.length === 1);
  if (!head) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const tail = parseGroups(halves[1] ?? "", true);
  if (!tail || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}
