import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { rawText } from "../../src/discord/render/localized-text.ts";
import { buildAutointelResult } from "../../src/workflows/autointel/build-result.ts";
import { autointelConfig } from "../../src/workflows/autointel/config.ts";
import { checkLink } from "../../src/workflows/autointel/link-check.ts";
import { classifyNetworkMessage } from "../../src/workflows/autointel/network-failure.ts";
import type { LinkResult, LinksOutput } from "../../src/workflows/autointel/outputs.ts";
import { siteOrigin } from "./support/analysis-harness.ts";

const config = autointelConfig(env);
const signal = new AbortController().signal;

describe("a link that got no answer is named for what happened", () => {
  it("a host name that does not resolve", async () => {
    expect(await checkLink("http://no-such-host.invalid/page", config, signal)).toMatchObject({
      outcome: "broken",
      status: null,
      failure: "unresolved",
      note: "could not resolve the host name",
    });
  });

  it("a port where nothing listens", async () => {
    expect(await checkLink("http://127.0.0.1:1/", config, signal)).toMatchObject({
      failure: "unconnected",
      note: "could not connect (connection refused or dropped)",
    });
  });

  it("HTTPS to a server that only speaks HTTP: the handshake, not the name", async () => {
    const port = new URL(siteOrigin()).port;
    expect(await checkLink(`https://127.0.0.1:${port}/`, config, signal)).toMatchObject({
      failure: "tls",
      note: "TLS handshake failed",
    });
  });

  it("no answer in time", async () => {
    expect(await checkLink(`${siteOrigin()}/slow`, config, signal)).toMatchObject({
      failure: "timeout",
      note: "timed out: no answer within 1.5 s",
    });
  });

  it("never the runtime's own text, and other runtimes' words are read too", async () => {
    const check = await checkLink("https://no-such-host.invalid/", config, signal);
    expect(check).toMatchObject({ failure: "unresolved" });
    expect(check !== "aborted" && check.note).not.toMatch(/internal error|reference/);
    expect(classifyNetworkMessage("internal error; reference = abc123")).toBe("opaque");
    expect(classifyNetworkMessage("getaddrinfo ENOTFOUND example.invalid")).toBe("unresolved");
    expect(classifyNetworkMessage("connect ECONNREFUSED 10.0.0.1:443")).toBe("unconnected");
    expect(classifyNetworkMessage("unable to verify the first certificate")).toBe("tls");
    expect(classifyNetworkMessage("Network connection lost.")).toBe("unconnected");
  });
});

const unreachable = (i: number): LinkResult => ({
  url: `https://gone-${i}.example/`,
  from: 0,
  outcome: "broken",
  status: null,
  finalUrl: null,
  note: "could not resolve the host name",
  failure: "unresolved",
});
const answered = (path: string, status: number): LinkResult => ({
  url: `https://site.example${path}`,
  from: 0,
  outcome: "broken",
  status,
  finalUrl: null,
  note: `answered HTTP ${status}`,
  failure: null,
});

describe("findings a reader can act on come first", () => {
  // As on the Python docs: many unreachable hosts found before the one link that answered 404.
  const checked = [
    ...Array.from({ length: 8 }, (_, i) => unreachable(i)),
    answered("/missing", 404),
    unreachable(8),
    answered("/error", 500),
  ];
  const links: LinksOutput = {
    checked,
    linkBudget: 50,
    skippedByRobots: 0,
    notChecked: 0,
    invocations: 1,
  };
  const result = buildAutointelResult({
    options: { url: "https://site.example/", depth: "quick" },
    outputs: { links },
    status: "completed",
    locale: "en-US",
    text: rawText("en-US"),
  });

  it("in the embed: links that answered 4xx/5xx, then those that could not be reached", () => {
    const [broken, unreached] = result.findings ?? [];
    expect(broken?.title).toBe("Broken links");
    expect(broken?.items.map((item) => item.subject)).toEqual([
      "https://site.example/missing",
      "https://site.example/error",
    ]);
    expect(unreached?.title).toBe("Could not be reached");
    expect(unreached?.total).toBe(9);
    expect(unreached?.items[0]?.detail).toBe("could not resolve the host name");
  });

  it("in report.md: the 404 and the 500 head the broken links table", () => {
    const table = result.markdown.slice(result.markdown.indexOf("## Broken links"));
    const rows = table.split("\n").filter((line) => line.startsWith("| ") && /\d/.test(line));
    expect(rows[0]).toContain("/missing");
    expect(rows[1]).toContain("/error");
    expect(rows[2]).toContain("gone-");
  });
});
