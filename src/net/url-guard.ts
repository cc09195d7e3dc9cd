import { type TextRef, textRef } from "../i18n/text-ref.ts";
import { classifyIPv4, classifyIPv6, type SpecialAddress } from "./address-ranges.ts";
import { parseIPv4, parseIPv6 } from "./ip-address.ts";
import { dohNameChecker, type NameChecker, type NameVerdict } from "./name-resolution.ts";

// The SSRF guard: decides whether the bot may send a request to a URL, in two steps.
// checkUrl judges the text (IP literals in every spelling the URL parser accepts, reserved
// names, ports, credentials); checkResolvedName then asks DNS-over-HTTPS where a name points
// (name-resolution.ts says why this runs on and off Cloudflare's edge alike). The guarded fetch
// applies both to every redirect hop.

export interface FetchPolicy {
  /** Tests and the local sandbox analyse pages on 127.0.0.1; never on in production. */
  allowLoopback: boolean;
  /** Where names point; absent only where FETCH_DNS_RESOLVER_URL is "off". */
  checkName?: NameChecker;
}

/**
 * `reason`: an English sentence for logs and result data; `refusal`: the same as a catalog
 * message, for the person who gave the URL, in their language.
 */
export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string; refusal: TextRef };

const STANDARD_PORTS = new Set(["", "80", "443"]);

// Names that resolve inside a private network by definition (RFC 6761, 6762, 8375; ICANN's
// .internal) or are the well-known aliases of cloud metadata services.
const INTERNAL_SUFFIXES = [".localhost", ".local", ".localdomain", ".internal", ".home.arpa"];

const refuse = (reason: string, refusal: TextRef): UrlVerdict => ({ ok: false, reason, refusal });

function isLoopbackName(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost");
}

/** The special range of an IP-literal host, `"not-ip"` for a name, or a refusal reason. */
function classifyHost(host: string): SpecialAddress | null | "not-ip" | { invalid: string } {
  if (host.startsWith("[")) {
    const words = parseIPv6(host.slice(1, -1));
    return words ? classifyIPv6(words) : { invalid: "an IPv6 address it cannot read" };
  }
  const v4 = parseIPv4(host);
  if (v4 !== null) return classifyIPv4(v4);
  // The URL parser reads a host whose last label is a number as IPv4; if one is left here
  // unparsed, some other parser might still read it as an address, so it is refused.
  const lastLabel = host.split(".").at(-1) ?? "";
  if (/^(0x[0-9a-f]*|[0-9]+)$/i.test(lastLabel))
    return { invalid: "a numeric host that is not a plain dotted IPv4 address" };
  return "not-ip";
}

export function checkUrl(input: string | URL, policy: FetchPolicy): UrlVerdict {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    return refuse("it is not a valid URL", textRef("common.url.invalid"));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return refuse(
      `only http and https addresses are allowed, not ${url.protocol}`,
      textRef("common.url.scheme", { scheme: url.protocol }),
    );
  if (url.username || url.password)
    return refuse(
      "addresses with a user name or password (user@host) are not allowed",
      textRef("common.url.credentials"),
    );
  // One final dot is the DNS root ("localhost." is localhost); an empty label anywhere else
  // ("localhost..", "a..b") is not a name we can classify, but a resolver may still take it.
  const hostname = url.hostname.toLowerCase();
  const host = hostname.endsWith(".") ? hostname.slice(0, -1) : hostname;
  if (host === "") return refuse("it has no host", textRef("common.url.noHost"));
  if (!host.startsWith("[") && host.split(".").includes(""))
    return refuse(
      "the host has an empty label (two dots in a row, or a leading dot)",
      textRef("common.url.emptySegment"),
    );

  let loopback = false;
  const special = classifyHost(host);
  if (special !== null && typeof special === "object" && "invalid" in special)
    return refuse(`the host is ${special.invalid}`, textRef("common.url.unreadableHost"));
  if (special === "not-ip") {
    if (isLoopbackName(host)) loopback = true;
    else if (!host.includes("."))
      return refuse(
        `"${host}" is a single-label name, which resolves inside private networks`,
        textRef("common.url.singleLabelHost", { host: host }),
      );
    else if (INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix)))
      return refuse(
        `"${host}" is an internal name`,
        textRef("common.url.internalName", { host: host }),
      );
  } else if (special) {
    if (special.kind !== "loopback")
      return refuse(
        `the host is a ${special.description} address`,
        textRef("common.url.specialAddress", { range: special.description }),
      );
    loopback = true;
  }
  if (loopback && !policy.allowLoopback)
    return refuse("the host is a loopback address", textRef("common.url.loopback"));
  if (!STANDARD_PORTS.has(url.port) && !loopback)
    return refuse(
      `port ${url.port} is not allowed (only the standard ports 80 and 443)`,
      textRef("common.url.port", { port: url.port }),
    );
  return { ok: true, url };
}

/** What is wrong with a bare name as a destination (e.g. a CNAME target), or null. */
export function judgeName(name: string): string | null {
  const verdict = checkUrl(`http://${name}/`, { allowLoopback: false });
  return verdict.ok ? null : verdict.reason.replace(/^the host is /, "");
}

/**
 * The second step: a URL checkUrl allowed, refused when its name resolves to a private or
 * special address. IP literals were judged by checkUrl; localhost names (allowed only with the
 * loopback allowance) are not public DNS names and are not asked about.
 */
export async function checkResolvedName(
  url: URL,
  policy: FetchPolicy,
  signal: AbortSignal,
): Promise<NameVerdict> {
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (!policy.checkName || classifyHost(host) !== "not-ip" || isLoopbackName(host))
    return { ok: true };
  return policy.checkName(host, signal);
}

export const DEFAULT_DNS_RESOLVER_URL = "https://cloudflare-dns.com/dns-query";
// One checker per resolver URL per isolate, so its answer cache outlives a request.
const checkers = new Map<string, NameChecker>();

/**
 * FETCH_ALLOW_LOOPBACK: "true" only in test and local-sandbox configuration.
 * FETCH_DNS_RESOLVER_URL: a DNS-over-HTTPS JSON endpoint (default Cloudflare's); "off" turns
 * name resolution off, which is safe only on Cloudflare's edge.
 */
export function fetchPolicyFromEnv(env: Env): FetchPolicy {
  const allowLoopback = env.FETCH_ALLOW_LOOPBACK === "true";
  const resolver = env.FETCH_DNS_RESOLVER_URL?.trim() || DEFAULT_DNS_RESOLVER_URL;
  if (resolver === "off") return { allowLoopback };
  let checkName = checkers.get(resolver);
  if (!checkName) {
    checkName = dohNameChecker(resolver, judgeName);
    checkers.set(resolver, checkName);
  }
  return { allowLoopback, checkName };
}
