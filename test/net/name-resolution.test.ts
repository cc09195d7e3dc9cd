import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { guardedFetch } from "../../src/net/guarded-fetch.ts";
import { fetchPolicyFromEnv } from "../../src/net/url-guard.ts";
import { siteOrigin, startAnalysis } from "../autointel/support/analysis-harness.ts";
import { waitForWorkflow } from "../helpers/workflow-harness.ts";

// The policy the Worker runs with in tests: loopback literals allowed (the test sites), names
// resolved by the DNS-over-HTTPS stand-in (test/support/dns-over-https.ts).
const policy = fetchPolicyFromEnv(env);
const signal = new AbortController().signal;

/** Pages answer as scripted; every request the guard let out is recorded. */
function scriptedNetwork(script: Record<string, { status: number; location?: string }>) {
  const sent: string[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    const url = String(input);
    sent.push(url);
    const hop = script[url];
    if (!hop) throw new TypeError(`network error: ${url} is unreachable`);
    return new Response(null, {
      status: hop.status,
      headers: hop.location ? { location: hop.location } : {},
    });
  }) as typeof fetch;
  return { sent, fetcher };
}

async function fetchThroughGuard(
  url: string,
  script: Record<string, { status: number; location?: string }> = {},
) {
  const net = scriptedNetwork(script);
  const answer = await guardedFetch(url, { policy, signal, fetcher: net.fetcher });
  return { answer, sent: net.sent };
}

describe("the URL guard resolves names before fetching", () => {
  it.each([
    ["http://127.0.0.1.nip.io/", "resolves to 127.0.0.1 (loopback"],
    ["http://169.254.169.254.nip.io/latest/meta-data/", "cloud metadata"],
    ["http://10.0.0.1.nip.io/", "private (10.0.0.0/8)"],
    ["http://chain.test/", "through hop.chain.test → end.chain.test"],
    ["http://internal-alias.test/", 'alias of "metadata.google.internal" is an internal name'],
    ["http://v6.test/", "fd00::1 (unique local"],
    ["http://fail.test/", "could not be checked"],
  ])("refuses %s before sending anything (%s)", async (url, reason) => {
    const { answer, sent } = await fetchThroughGuard(url);
    expect(answer.kind).toBe("refused");
    if (answer.kind === "refused") expect(answer.reason).toContain(reason);
    expect(sent).toEqual([]);
  });

  it("sends nothing to a name public DNS does not know, and says it did not resolve", async () => {
    const { answer, sent } = await fetchThroughGuard("http://nowhere.test/");
    // Not a refusal: nothing private was found, there is simply nowhere to go (a broken link).
    expect(answer).toMatchObject({ kind: "failed", problem: "unresolved" });
    if (answer.kind === "failed")
      expect(answer.message).toContain("does not resolve in public DNS");
    expect(sent).toEqual([]);
  });

  it("lets a name whose every answer is public through, aliases included", async () => {
    for (const url of ["http://public.test/", "https://alias.public.test/a"]) {
      const { answer, sent } = await fetchThroughGuard(url, { [url]: { status: 200 } });
      expect(answer.kind, url).toBe("response");
      expect(sent).toEqual([url]);
    }
  });

  it("checks every redirect hop the same way", async () => {
    const { answer, sent } = await fetchThroughGuard("http://public.test/go", {
      "http://public.test/go": { status: 302, location: "http://alias.public.test/next" },
      "http://alias.public.test/next": { status: 301, location: "http://127.0.0.1.nip.io/admin" },
    });
    expect(answer).toMatchObject({ kind: "refused", url: "http://127.0.0.1.nip.io/admin" });
    expect(sent).toEqual(["http://public.test/go", "http://alias.public.test/next"]);
  });

  it("keeps the loopback allowance for literal loopback addresses only", async () => {
    expect(policy.allowLoopback).toBe(true);
    const { answer } = await fetchThroughGuard("http://127.0.0.1.nip.io/");
    expect(answer.kind).toBe("refused");
    const literal = await guardedFetch(`${siteOrigin()}/`, { policy, signal });
    expect(literal.kind).toBe("response");
    if (literal.kind === "response") await literal.response.body?.cancel();
  });

  it("a /autointel run on a nip.io name fails and says why, with nothing fetched", async () => {
    // The start's text check passes (a public-looking name on port 80); the fetch refuses it.
    const started = await startAnalysis({ url: "http://127.0.0.1.nip.io/", depth: "quick" });
    const final = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
      45_000,
    );
    expect(final.status).toBe("failed");
    expect(final.error).toContain("resolves to 127.0.0.1");
  });

  it(`is configured by FETCH_DNS_RESOLVER_URL (the test's stand-in: ${inject("dnsOverHttpsUrl") !== ""})`, () => {
    expect(fetchPolicyFromEnv({ ...env, FETCH_DNS_RESOLVER_URL: "off" }).checkName).toBeUndefined();
    expect(fetchPolicyFromEnv({ ...env, FETCH_DNS_RESOLVER_URL: "" }).checkName).toBeTypeOf(
      "function",
    );
    expect(policy.checkName).toBeTypeOf("function");
  });
});
