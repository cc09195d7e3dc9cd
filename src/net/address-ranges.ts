import { formatIPv4 } from "./ip-address.ts";

/** Why an address is not a public destination. */
export type AddressClass =
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "shared"
  | "multicast"
  | "metadata"
  | "reserved"
  | "ipv4-mapped"
  | "tunnel";

export interface SpecialAddress {
  kind: AddressClass;
  description: string;
}

interface IPv4Range {
  base: string;
  prefix: number;
  kind: AddressClass;
  description: string;
}

// Cloud metadata endpoints first, so they are named as such rather than as their wider range.
const IPV4_RANGES: IPv4Range[] = [
  {
    base: "169.254.169.254",
    prefix: 32,
    kind: "metadata",
    description: "cloud metadata (AWS, GCP, Azure)",
  },
  {
    base: "100.100.100.200",
    prefix: 32,
    kind: "metadata",
    description: "cloud metadata (Alibaba)",
  },
  {
    base: "168.63.129.16",
    prefix: 32,
    kind: "metadata",
    description: "cloud platform endpoint (Azure)",
  },
  { base: "192.0.0.192", prefix: 32, kind: "metadata", description: "cloud metadata (Oracle)" },
  { base: "0.0.0.0", prefix: 8, kind: "unspecified", description: "unspecified (0.0.0.0/8)" },
  { base: "127.0.0.0", prefix: 8, kind: "loopback", description: "loopback (127.0.0.0/8)" },
  { base: "10.0.0.0", prefix: 8, kind: "private", description: "private (10.0.0.0/8)" },
  { base: "172.16.0.0", prefix: 12, kind: "private", description: "private (172.16.0.0/12)" },
  { base: "192.168.0.0", prefix: 16, kind: "private", description: "private (192.168.0.0/16)" },
  {
    base: "169.254.0.0",
    prefix: 16,
    kind: "link-local",
    description: "link-local (169.254.0.0/16)",
  },
  {
    base: "100.64.0.0",
    prefix: 10,
    kind: "shared",
    description: "carrier-grade NAT (100.64.0.0/10)",
  },
  { base: "224.0.0.0", prefix: 4, kind: "multicast", description: "multicast (224.0.0.0/4)" },
  {
    base: "240.0.0.0",
    prefix: 4,
    kind: "reserved",
    description: "reserved or broadcast (240.0.0.0/4)",
  },
  {
    base: "192.0.0.0",
    prefix: 24,
    kind: "reserved",
    description: "IETF protocol assignments (192.0.0.0/24)",
  },
  { base: "192.0.2.0", prefix: 24, kind: "reserved", description: "documentation (192.0.2.0/24)" },
  {
    base: "198.51.100.0",
    prefix: 24,
    kind: "reserved",
    description: "documentation (198.51.100.0/24)",
  },
  {
    base: "203.0.113.0",
    prefix: 24,
    kind: "reserved",
    description: "documentation (203.0.113.0/24)",
  },
  { base: "198.18.0.0", prefix: 15, kind: "reserved", description: "benchmarking (198.18.0.0/15)" },
  {
    base: "192.88.99.0",
    prefix: 24,
    kind: "reserved",
    description: "6to4 relay anycast (192.88.99.0/24)",
  },
];

function ipv4Number(dotted: string): number {
  return dotted.split(".").reduce((value, octet) => value * 256 + Number(octet), 0);
}

function inIPv4Range(address: number, range: IPv4Range): boolean {
  const size = 2 ** (32 - range.prefix);
  const base = ipv4Number(range.base);
  return address >= base && address < base + size;
}

export function classifyIPv4(address: number): SpecialAddress | null {
  const range = IPV4_RANGES.find((candidate) => inIPv4Range(address, candidate));
  return range ? { kind: range.kind, description: range.description } : null;
}

/** True when the first `bits` bits of `words` equal those of `prefix` (both 8 × 16-bit words). */
function hasPrefix(words: number[], prefix: number[], bits: number): boolean {
  for (let index = 0; index * 16 < bits; index++) {
    const take = Math.min(16, bits - index * 16);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if (((words[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

const w = (...words: number[]) => [...words, ...new Array<number>(8 - words.length).fill(0)];

function embeddedIPv4(words: number[], at: number): number {
  return ((words[at] ?? 0) * 0x10000 + (words[at + 1] ?? 0)) >>> 0;
}

function describeEmbedded(label: string, v4: number): SpecialAddress | null {
  const inner = classifyIPv4(v4);
  // Never "loopback": the loopback allowance is for 127.0.0.1 and ::1, not for tunnels to them.
  return inner
    ? { kind: "tunnel", description: `${label} of ${formatIPv4(v4)}: ${inner.description}` }
    : null;
}

export function classifyIPv6(words: number[]): SpecialAddress | null {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = words;
  if (a === 0xfd00 && b === 0x0ec2 && c + d + e + f + g === 0 && h === 0x254)
    return { kind: "metadata", description: "cloud metadata (AWS, fd00:ec2::254)" };
  if (words.every((word) => word === 0))
    return { kind: "unspecified", description: "unspecified (::)" };
  if (words.slice(0, 7).every((word) => word === 0) && h === 1)
    return { kind: "loopback", description: "loopback (::1)" };
  if (hasPrefix(words, w(0, 0, 0, 0, 0, 0xffff), 96))
    return {
      kind: "ipv4-mapped",
      description: `IPv4-mapped IPv6 (${formatIPv4(embeddedIPv4(words, 6))})`,
    };
  if (hasPrefix(words, w(0, 0, 0, 0, 0xffff, 0), 96))
    return {
      kind: "ipv4-mapped",
      description: `IPv4-translated IPv6 (${formatIPv4(embeddedIPv4(words, 6))})`,
    };
  if (hasPrefix(words, w(), 96))
    return {
      kind: "ipv4-mapped",
      description: `IPv4-compatible IPv6 (${formatIPv4(embeddedIPv4(words, 6))})`,
    };
  if (hasPrefix(words, w(0x64, 0xff9b, 1), 48))
    return { kind: "private", description: "local-use NAT64 (64:ff9b:1::/48)" };
  if (hasPrefix(words, w(0x64, 0xff9b), 96))
    return describeEmbedded("NAT64", embeddedIPv4(words, 6));
  if (hasPrefix(words, w(0x2002), 16)) return describeEmbedded("6to4", embeddedIPv4(words, 1));
  if (hasPrefix(words, w(0x2001, 0), 32))
    return { kind: "tunnel", description: "Teredo tunnel (2001::/32)" };
  if (hasPrefix(words, w(0x2001, 0xdb8), 32))
    return { kind: "reserved", description: "documentation (2001:db8::/32)" };
  if (hasPrefix(words, w(0x3fff), 20))
    return { kind: "reserved", description: "documentation (3fff::/20)" };
  if (hasPrefix(words, w(0x5f00), 16))
    return { kind: "reserved", description: "segment routing SIDs (5f00::/16)" };
  if (hasPrefix(words, w(0x2001, 0x2, 0), 48))
    return { kind: "reserved", description: "benchmarking (2001:2::/48)" };
  if (hasPrefix(words, w(0x2001, 0x10), 28))
    return { kind: "reserved", description: "ORCHID (2001:10::/28)" };
  if (hasPrefix(words, w(0x2001, 0x20), 28))
    return { kind: "reserved", description: "ORCHIDv2 (2001:20::/28)" };
  if (hasPrefix(words, w(0x100), 64))
    return { kind: "reserved", description: "discard (100::/64)" };
  if (hasPrefix(words, w(0xfc00), 7))
    return { kind: "private", description: "unique local (fc00::/7)" };
  if (hasPrefix(words, w(0xfe80), 10))
    return { kind: "link-local", description: "link-local (fe80::/10)" };
  if (hasPrefix(words, w(0xfec0), 10))
    return { kind: "private", description: "site-local (fec0::/10)" };
  if (hasPrefix(words, w(0xff00), 8))
    return { kind: "multicast", description: "multicast (ff00::/8)" };
  return null;
}
