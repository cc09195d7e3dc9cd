import { describe, expect, it } from "vitest";
import { decodeText, readCappedBody } from "../../src/net/capped-body.ts";
import { guardedFetch } from "../../src/net/guarded-fetch.ts";

type Hop = { status: number; location?: string };

/** A scripted network: each URL answers as given; every request is recorded. */
function scriptedNetwork(script: Record<string, Hop>) {
  const sent: { url: string; method: string; redirect: string | undefined }[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    sent.push({ url, method: init?.method ?? "GET", redirect: init?.redirect });
    const hop = script[url];
    if (!hop) throw new TypeError(`network error: ${url} is unreachable`);
    return new Response(hop.status >= 300 && hop.status < 400 ? null : "ok", {
      status: hop.status,
      headers: hop.location ? { location: hop.location } : {},
    });
  }) as typeof fetch;
  return { sent, fetcher };
}

const policy = { allowLoopback: false };
const signal = new AbortController().signal;

describe("guardedFetch", () => {
  it("follows redirects by hand, re-checking every hop", async () => {
    const net = scriptedNetwork({
      "https://public.example/a": { status: 302, location: "/b" },
      "https://public.example/b": { status: 301, location: "https://other.example/c" },
      "https://other.example/c": { status: 200 },
    });
    const answer = await guardedFetch("https://public.example/a", {
      policy,
      signal,
      fetcher: net.fetcher,
    });
    expect(answer.kind).toBe("response");
    expect(answer.url).toBe("https://other.example/c");
    expect(answer.redirects.map((hop) => [hop.status, hop.location])).toEqual([
      [302, "https://public.example/b"],
      [301, "https://other.example/c"],
    ]);
    expect(net.sent.every((request) => request.redirect === "manual")).toBe(true);
  });

  it.each([
    ["cloud metadata", "http://169.254.169.254/latest/meta-data/iam/"],
    ["a private address", "http://10.0.0.7/admin"],
    ["loopback in decimal", "http://2130706433/"],
    ["a userinfo trick", "http://public.example@127.0.0.1/"],
    ["an unusual port", "http://public.example:2375/containers/json"],
    ["IPv4-mapped IPv6", "http://[::ffff:169.254.169.254]/"],
  ])("refuses a redirect to %s without sending anything there", async (_, target) => {
    const net = scriptedNetwork({ "https://public.example/": { status: 302, location: target } });
    const answer = await guardedFetch("https://public.example/", {
      policy,
      signal,
      fetcher: net.fetcher,
    });
    expect(answer.kind).toBe("refused");
    expect(answer.redirects).toHaveLength(1);
    expect(net.sent.map((request) => request.url)).toEqual(["https://public.example/"]);
  });

  it("never sends a request to a refused address", async () => {
    const net = scriptedNetwork({});
    const answer = await guardedFetch("http://192.168.0.1/", {
      policy,
      signal,
      fetcher: net.fetcher,
    });
    expect(answer).toMatchObject({ kind: "refused", url: "http://192.168.0.1/" });
    expect(net.sent).toHaveLength(0);
  });

  it("gives up after five redirects", async () => {
    const net = scriptedNetwork({
      "https://public.example/loop": { status: 302, location: "/loop" },
    });
    const answer = await guardedFetch("https://public.example/loop", {
      policy,
      signal,
      fetcher: net.fetcher,
    });
    expect(answer).toMatchObject({ kind: "failed", problem: "too_many_redirects" });
    expect(net.sent).toHaveLength(6);
  });

  it("turns HEAD into GET after a 303, as the redirect demands", async () => {
    const net = scriptedNetwork({
      "https://public.example/form": { status: 303, location: "/done" },
      "https://public.example/done": { status: 200 },
    });
    await guardedFetch("https://public.example/form", {
      method: "HEAD",
      policy,
      signal,
      fetcher: net.fetcher,
    });
    expect(net.sent.map((request) => request.method)).toEqual(["HEAD", "GET"]);
  });

  it("reports a network failure instead of throwing", async () => {
    const net = scriptedNetwork({});
    const answer = await guardedFetch("https://unreachable.example/", {
      policy,
      signal,
      fetcher: net.fetcher,
    });
    expect(answer).toMatchObject({ kind: "failed", problem: "network" });
  });
});

describe("readCappedBody", () => {
  it("refuses a declared length above the cap without reading", async () => {
    const response = new Response("x".repeat(100), { headers: { "content-length": "100" } });
    expect(await readCappedBody(response, 10)).toEqual({
      ok: false,
      reason: "too_large",
      limit: 10,
    });
  });

  it("stops reading a stream one byte past the cap", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    expect(await readCappedBody(new Response(stream), 4096)).toMatchObject({ ok: false });
    expect(pulled).toBeLessThan(10); // an endless body costs the cap, not forever
  });

  it("returns the bytes of a body within the cap", async () => {
    const result = await readCappedBody(new Response("héllo"), 1024);
    expect(result.ok && decodeText(result.bytes, "text/html; charset=utf-8")).toBe("héllo");
  });

  it("decodes with the declared charset", () => {
    expect(
      decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), "text/html; charset=iso-8859-1"),
    ).toBe("café");
  });
});
