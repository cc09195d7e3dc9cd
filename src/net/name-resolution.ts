import { type TextRef, textRef } from "../i18n/text-ref.ts";
import { classifyIPv4, classifyIPv6 } from "./address-ranges.ts";
import { parseIPv4, parseIPv6 } from "./ip-address.ts";

// Where a name really points, asked of a DNS-over-HTTPS resolver (JSON API,
// application/dns-json: Cloudflare's https://cloudflare-dns.com/dns-query, Google's
// https://dns.google/resolve) before the guarded fetch sends anything to it.
//
// A Worker cannot resolve a name itself before `fetch`, and the runtime that does resolve it
// differs: on Cloudflare's edge the egress does not route to private addresses, but under
// `wrangler dev` (the README's tunnel path) workerd asks the machine's resolver, so
// http://127.0.0.1.nip.io/ reaches the operator's own loopback, LAN or cloud metadata. Nothing
// in a Worker says reliably which of the two it is running on (request.cf is simulated
// locally, the bindings and globals are the same), so the guard does not guess: it resolves
// names wherever it runs. On the edge this is a second wall behind the platform's and costs one
// small subrequest per new host per isolate (answers are cached for their TTL, at most a
// minute). A name is refused when any answer, CNAME targets included, is private or special,
// when it does not resolve in public DNS (a split-horizon or /etc/hosts name only the local
// resolver knows), or when the resolver cannot be asked (fail closed).
//
// What remains: a name whose DNS answer changes between this lookup and the fetch's own
// (rebinding with a zero TTL) passes; on the edge the platform's egress still stops it.

/**
 * `unresolved`: public DNS has no address for the name (NXDOMAIN, or no A/AAAA). Nothing was
 * reached, so it is a link that cannot be followed, not an address the guard refused.
 */
/** Refused: `reason` in English for logs and data, `refusal` for the person, in their language. */
export type NameVerdict =
  | { ok: true }
  | { ok: false; reason: string; refusal: TextRef; unresolved?: true };
export type NameChecker = (host: string, signal: AbortSignal) => Promise<NameVerdict>;

const TYPE_A = 1;
const TYPE_CNAME = 5;
const TYPE_AAAA = 28;
const NXDOMAIN = 3;
const MAX_CNAME_HOPS = 8;
const MAX_CACHE_SECONDS = 60;
const MAX_CACHED_NAMES = 1000;

interface DohAnswer {
  name: string;
  type: number;
  TTL?: number;
  data: string;
}

interface DohReply {
  Status: number;
  Answer?: DohAnswer[];
}

const refuse = (reason: string, refusal: TextRef): NameVerdict => ({
  ok: false,
  reason,
  refusal,
});
const unresolved = (reason: string, refusal: TextRef): NameVerdict => ({
  ok: false,
  reason,
  refusal,
  unresolved: true,
});
const bare = (name: string) => name.toLowerCase().replace(/\.$/, "");

/** What is wrong with an address a name resolved to, or null when it is public. */
function addressProblem(answer: DohAnswer): string | null {
  const data = answer.data.trim();
  const words = answer.type === TYPE_AAAA ? parseIPv6(data) : null;
  const v4 = answer.type === TYPE_A ? parseIPv4(data) : null;
  if (words === null && v4 === null) return `${data} (an answer that is not an address)`;
  const special = words ? classifyIPv6(words) : classifyIPv4(v4 as number);
  return special ? `${data} (${special.description})` : null;
}

async function ask(
  resolverUrl: string,
  name: string,
  type: number,
  fetcher: typeof fetch,
  signal: AbortSignal,
): Promise<DohReply> {
  const url = new URL(resolverUrl);
  url.searchParams.set("name", name);
  url.searchParams.set("type", String(type));
  const response = await fetcher(url.href, {
    headers: { accept: "application/dns-json" },
    signal,
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`the resolver answered HTTP ${response.status}`);
  }
  return (await response.json()) as DohReply;
}

interface Lookup {
  verdict: NameVerdict;
  ttlSeconds: number;
}

async function lookUp(
  host: string,
  resolverUrl: string,
  judgeName: (name: string) => string | null,
  fetcher: typeof fetch,
  signal: AbortSignal,
): Promise<Lookup> {
  const chain = [host];
  let ttlSeconds = MAX_CACHE_SECONDS;
  let name = host;
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const replies = await Promise.all(
      [TYPE_A, TYPE_AAAA].map((type) => ask(resolverUrl, name, type, fetcher, signal)),
    );
    if (replies.every((reply) => reply.Status === NXDOMAIN))
      return {
        verdict: unresolved(
          `"${host}" does not resolve in public DNS`,
          textRef("common.url.noPublicAddress", { host }),
        ),
        ttlSeconds: 0,
      };
    const answers = replies.flatMap((reply) => reply.Answer ?? []);
    for (const answer of answers) ttlSeconds = Math.min(ttlSeconds, answer.TTL ?? 0);
    const via = () => (chain.length > 1 ? ` (through ${chain.slice(1).join(" → ")})` : "");
    let next: string | null = null;
    for (const answer of answers) {
      if (answer.type === TYPE_CNAME) {
        next = bare(answer.data);
        // The A and AAAA questions both carry the alias: name each target once.
        if (!chain.includes(next)) chain.push(next);
        const internal = judgeName(next);
        if (internal)
          return {
            verdict: refuse(
              `"${host}" is an alias of ${internal}${via()}`,
              textRef("common.url.aliasInternal", { host, target: next }),
            ),
            ttlSeconds,
          };
      } else if (answer.type === TYPE_A || answer.type === TYPE_AAAA) {
        const problem = addressProblem(answer);
        if (problem)
          return {
            verdict: refuse(
              `"${host}" resolves to ${problem}${via()}`,
              textRef("common.url.resolvesTo", { host, address: problem }),
            ),
            ttlSeconds,
          };
      }
    }
    const hasAddress = answers.some((a) => a.type === TYPE_A || a.type === TYPE_AAAA);
    if (hasAddress) return { verdict: { ok: true }, ttlSeconds };
    if (next === null)
      return {
        verdict: unresolved(
          `"${host}" has no address in public DNS`,
          textRef("common.url.noPublicAddress", { host }),
        ),
        ttlSeconds: 0,
      };
    // A resolver that answered the alias only (no addresses for its target): follow it.
    name = next;
  }
  return {
    verdict: refuse(
      `"${host}" has a CNAME chain longer than ${MAX_CNAME_HOPS}`,
      textRef("common.url.cnameChain", { host, max: MAX_CNAME_HOPS }),
    ),
    ttlSeconds: 0,
  };
}

/**
 * A checker that asks `resolverUrl` and caches each answer in the isolate for its TTL (at most a
 * minute). `judgeName` is the guard's verdict on a bare name (CNAME targets pass it too).
 */
export function dohNameChecker(
  resolverUrl: string,
  judgeName: (name: string) => string | null,
  fetcher: typeof fetch = (input, init) => fetch(input, init),
): NameChecker {
  const cache = new Map<string, { verdict: NameVerdict; until: number }>();
  return async (host, signal) => {
    const name = bare(host);
    const cached = cache.get(name);
    if (cached && cached.until > Date.now()) return cached.verdict;
    let found: Lookup;
    try {
      found = await lookUp(name, resolverUrl, judgeName, fetcher, signal);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return refuse(
        `the addresses of "${name}" could not be checked (${why})`,
        textRef("common.url.uncheckable", { host: name }),
      );
    }
    if (cache.size >= MAX_CACHED_NAMES) cache.clear();
    cache.set(name, { verdict: found.verdict, until: Date.now() + found.ttlSeconds * 1000 });
    return found.verdict;
  };
}
