import { describe, expect, it } from "vitest";
import { checkUrl, fetchPolicyFromEnv } from "../../src/net/url-guard.ts";

const strict = { allowLoopback: false };
const sandbox = { allowLoopback: true };

// [url, a fragment of the reason it must be refused for]
const REFUSED: [string, string][] = [
  ["http://127.0.0.1/", "loopback"],
  ["http://127.8.9.10/", "loopback"],
  ["http://localhost/", "loopback"],
  ["http://LOCALHOST./", "loopback"],
  ["http://api.localhost/", "loopback"],
  ["http://[::1]/", "loopback"],
  ["http://2130706433/", "loopback"], // decimal
  ["http://0x7f.1/", "loopback"], // hex, short form
  ["http://017700000001/", "loopback"], // octal
  ["http://0x7f000001/", "loopback"],
  ["http://0177.0.0.1/", "loopback"],
  ["http://127.1/", "loopback"],
  ["http://0.0.0.0/", "unspecified"],
  ["http://0/", "unspecified"],
  ["http://[::]/", "unspecified"],
  ["http://10.0.0.1/", "private (10.0.0.0/8)"],
  ["http://172.16.5.4/", "private (172.16.0.0/12)"],
  ["http://172.31.255.255/", "private (172.16.0.0/12)"],
  ["http://192.168.1.1/", "private (192.168.0.0/16)"],
  ["http://169.254.169.254/latest/meta-data/", "cloud metadata"],
  ["http://[fd00:ec2::254]/latest/meta-data/", "cloud metadata"],
  ["http://100.100.100.200/latest/meta-data/", "cloud metadata"],
  ["http://2852039166/", "cloud metadata"], // 169.254.169.254 as a decimal number
  ["http://169.254.10.10/", "link-local"],
  ["http://[fe80::1]/", "link-local"],
  ["http://100.64.0.1/", "carrier-grade NAT"],
  ["http://100.127.255.254/", "carrier-grade NAT"],
  ["http://224.0.0.1/", "multicast"],
  ["http://[ff02::1]/", "multicast"],
  ["http://255.255.255.255/", "broadcast"],
  ["http://192.0.2.1/", "documentation"],
  ["http://198.18.0.1/", "benchmarking"],
  ["http://[2001:db8::1]/", "documentation"],
  ["http://[3fff::1]/", "documentation (3fff::/20)"],
  ["http://[3fff:fff:ffff::1]/", "documentation (3fff::/20)"],
  ["http://[5f00::1]/", "segment routing"],
  ["http://[5f00:ffff::1]/", "segment routing"],
  ["http://[2001:2::1]/", "benchmarking (2001:2::/48)"],
  ["http://[2001:2:0:ffff::1]/", "benchmarking (2001:2::/48)"],
  ["http://[2001:10::1]/", "ORCHID (2001:10::/28)"],
  ["http://[2001:1f:ffff::1]/", "ORCHID (2001:10::/28)"],
  ["http://[2001:20::1]/", "ORCHIDv2 (2001:20::/28)"],
  ["http://[2001:2f:ffff::1]/", "ORCHIDv2 (2001:20::/28)"],
  ["http://[::ffff:127.0.0.1]/", "IPv4-mapped"],
  ["http://[::ffff:a9fe:a9fe]/", "IPv4-mapped"],
  ["http://[::ffff:8.8.8.8]/", "IPv4-mapped"],
  ["http://[::7f00:1]/", "IPv4-compatible"],
  ["http://[::ffff:0:a9fe:a9fe]/", "IPv4-translated"],
  ["http://[::ffff:0:169.254.169.254]/", "IPv4-translated"],
  ["http://[::ffff:0:7f00:1]/", "IPv4-translated"],
  ["http://localhost../", "empty label"],
  ["http://metadata.google.internal../", "empty label"],
  ["http://127.0.0.1../", "empty label"],
  ["http://example..com/", "empty label"],
  ["http://.localhost/", "empty label"],
  ["http://[fc00::1]/", "unique local"],
  ["http://[fd12:3456::1]/", "unique local"],
  ["http://[64:ff9b::a00:1]/", "NAT64 of 10.0.0.1"],
  ["http://[2002:7f00:1::]/", "6to4 of 127.0.0.1"],
  ["http://[2001:0:4136:e378::1]/", "Teredo"],
  ["http://example.com@127.0.0.1/", "user name or password"],
  ["http://user:secret@example.com/", "user name or password"],
  ["http://example.com:8080/", "port 8080"],
  ["https://example.com:22/", "port 22"],
  ["http://8.8.8.8:6379/", "port 6379"],
  ["ftp://example.com/file", "only http and https"],
  ["file:///etc/passwd", "only http and https"],
  ["javascript:alert(1)", "only http and https"],
  ["gopher://example.com/", "only http and https"],
  ["http://metadata.google.internal/computeMetadata/v1/", "internal name"],
  ["http://metadata/", "single-label"],
  ["http://instance-data/latest/", "single-label"],
  ["http://printer.local/", "internal name"],
  ["http://router.home.arpa/", "internal name"],
  ["http://127.0.0.1%2f/", "not a valid URL"],
  ["not a url at all", "not a valid URL"],
];

const ALLOWED = [
  "http://example.com/",
  "https://example.com:443/path?q=1",
  "http://example.com:80/",
  "http://example.com./", // one final dot is the DNS root
  "https://www.example.co.uk/a/b#fragment",
  "http://8.8.8.8/",
  "https://1.1.1.1/dns-query",
  "http://[2606:4700:4700::1111]/",
  "https://xn--bcher-kva.example/",
  "https://bücher.example/",
  "http://172.32.0.1/", // just outside 172.16.0.0/12
  "http://100.128.0.1/", // just outside 100.64.0.0/10
  "http://[3fff:1000::1]/", // just outside 3fff::/20
  "http://[5f01::1]/", // just outside 5f00::/16
  "http://[2001:2:1::1]/", // just outside 2001:2::/48
  "http://[2001:30::1]/", // just outside 2001:20::/28
];

describe("SSRF guard", () => {
  it.each(REFUSED)("refuses %s (%s)", (url, reason) => {
    const verdict = checkUrl(url, strict);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain(reason);
  });

  it("has a case for every class the issue names", () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ALLOWED)("allows the public address %s", (url) => {
    expect(checkUrl(url, strict)).toMatchObject({ ok: true });
  });

  it("with the loopback allowance, allows loopback on any port and nothing else more", () => {
    for (const url of ["http://127.0.0.1:8787/", "http://localhost:3000/x", "http://[::1]:9/"])
      expect(checkUrl(url, sandbox), url).toMatchObject({ ok: true });
    for (const url of [
      "http://10.0.0.1/",
      "http://169.254.169.254/",
      "http://0.0.0.0:80/",
      "http://example.com:8080/",
      "http://[::ffff:127.0.0.1]/",
      "http://[2002:7f00:1::]/",
      "http://[64:ff9b::7f00:1]/",
      "http://example.com@127.0.0.1:1/",
      "http://localhost../",
      "http://[::ffff:0:7f00:1]/",
    ])
      expect(checkUrl(url, sandbox).ok, url).toBe(false);
  });

  it('reads the allowance from FETCH_ALLOW_LOOPBACK, off unless exactly "true"', () => {
    const envWith = (value: string) => ({ FETCH_ALLOW_LOOPBACK: value }) as unknown as Env;
    expect(fetchPolicyFromEnv(envWith("true")).allowLoopback).toBe(true);
    expect(fetchPolicyFromEnv(envWith("false")).allowLoopback).toBe(false);
    expect(fetchPolicyFromEnv(envWith("")).allowLoopback).toBe(false);
    expect(fetchPolicyFromEnv(envWith("1")).allowLoopback).toBe(false);
  });
});
