import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { autointelConfig, USER_AGENT } from "../../src/workflows/autointel/config.ts";
import { fetchDocument, isHtmlType } from "../../src/workflows/autointel/fetch-document.ts";
import { checkLink } from "../../src/workflows/autointel/link-check.ts";
import { METADATA_URL } from "../support/test-site-pages.ts";
import { siteOrigin, siteRequests } from "./support/analysis-harness.ts";

const config = autointelConfig(env);
const signal = new AbortController().signal;
const page = (path: string) =>
  fetchDocument(`${siteOrigin()}${path}`, {
    config,
    signal,
    accept: "text/html",
    wants: isHtmlType,
  });

describe("fetching a document from the test site", () => {
  it("reads an HTML page and identifies itself", async () => {
    const result = await page("/");
    expect(result).toMatchObject({ kind: "document", status: 200, finalUrl: `${siteOrigin()}/` });
    if (result.kind === "document") expect(result.text).toContain("<h1>Harbour Lights</h1>");
    const seen = (await siteRequests(siteOrigin())).filter((r) => r.path === "/");
    expect(seen.at(-1)?.userAgent).toBe(USER_AGENT);
  });

  it("follows a redirect and says where it ended", async () => {
    const result = await page("/old-guide");
    expect(result).toMatchObject({ kind: "document", finalUrl: `${siteOrigin()}/guide` });
    expect(result.kind !== "aborted" && result.redirects.map((hop) => hop.status)).toEqual([301]);
  });

  it("refuses a redirect to the cloud metadata address", async () => {
    const result = await page("/to-metadata");
    expect(result).toMatchObject({ kind: "refused", url: METADATA_URL });
    if (result.kind === "refused") expect(result.reason).toContain("cloud metadata");
  });

  it("does not read a page larger than the cap (declared or streamed)", async () => {
    expect(await page("/huge")).toMatchObject({ kind: "too_large", limit: config.pageMaxBytes });
    expect(await page("/huge-stream")).toMatchObject({
      kind: "too_large",
      limit: config.pageMaxBytes,
    });
  });

  it("gives up on a page slower than the timeout", async () => {
    expect(await page("/slow")).toMatchObject({
      kind: "timeout",
      timeoutMs: config.fetchTimeoutMs,
    });
  });

  it("does not read content that is not HTML", async () => {
    expect(await page("/data.json")).toMatchObject({
      kind: "unwanted_type",
      contentType: "application/json",
    });
  });

  it("reports HTTP errors and redirect loops", async () => {
    expect(await page("/missing")).toMatchObject({ kind: "http_error", status: 404 });
    expect(await page("/loop")).toMatchObject({ kind: "failed" });
  });

  it("refuses the site itself when loopback is not allowed (production)", async () => {
    const strict = { ...config, policy: { allowLoopback: false } };
    const result = await fetchDocument(`${siteOrigin()}/`, {
      config: strict,
      signal,
      accept: "*/*",
      wants: () => true,
    });
    expect(result).toMatchObject({ kind: "refused" });
  });
});

describe("checking a link", () => {
  const check = (path: string) => checkLink(`${siteOrigin()}${path}`, config, signal);

  it("falls back to GET when HEAD is not supported", async () => {
    expect(await check("/head-refused")).toMatchObject({
      outcome: "ok",
      status: 200,
      note: "HEAD answered 405; checked with GET",
    });
  });

  it("classifies broken, redirected, refused and silent links", async () => {
    expect(await check("/missing")).toMatchObject({ outcome: "broken", status: 404 });
    expect(await check("/guide/lenses")).toMatchObject({ outcome: "broken", status: 410 });
    expect(await check("/old-guide")).toMatchObject({
      outcome: "redirected",
      finalUrl: `${siteOrigin()}/guide`,
    });
    expect(await check("/to-metadata")).toMatchObject({ outcome: "refused", status: null });
    expect(await check("/slow")).toMatchObject({
      outcome: "broken",
      note: "timed out: no answer within 1.5 s",
    });
  });

  it("checks a huge page with HEAD, without downloading it", async () => {
    expect(await check("/huge")).toMatchObject({ outcome: "ok", status: 200 });
    const heads = (await siteRequests(siteOrigin())).filter(
      (r) => r.path === "/huge" && r.method === "HEAD",
    );
    expect(heads.length).toBeGreaterThan(0);
  });
});
