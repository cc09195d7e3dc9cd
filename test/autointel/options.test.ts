import { describe, expect, it } from "vitest";
import { engineConfig } from "../../src/config.ts";
import { rawText } from "../../src/discord/render/localized-text.ts";
import { renderText } from "../../src/i18n/text-ref.ts";
import { commandDefinitions } from "../../src/interactions/definitions.ts";
import { findWorkflow } from "../../src/workflow/registry.ts";
import { autointelWorkflow } from "../../src/workflows/autointel/definition.ts";
import { DEPTHS, estimateDurationMs } from "../../src/workflows/autointel/depth.ts";
import { MAX_URL_LENGTH, parseAutointelOptions } from "../../src/workflows/autointel/options.ts";
import "../../src/workflows/index.ts";

const parse = parseAutointelOptions;

// [raw options, a fragment the error must contain]
const BAD_INPUT: [Record<string, string | number | boolean>, string][] = [
  [{}, "`url` is required"],
  [{ url: "   " }, "`url` is required"],
  [{ url: 42 }, "`url` is required"],
  [{ url: "example.com" }, "not a valid web address"],
  [{ url: "https://" }, "not a valid web address"],
  [{ url: "ftp://example.com/" }, "must start with http:// or https://"],
  [{ url: "javascript:alert(1)" }, "must start with http:// or https://"],
  [{ url: `https://example.com/${"a".repeat(MAX_URL_LENGTH)}` }, "the limit is 2,048"],
  [{ url: "http://169.254.169.254/latest/meta-data/" }, "cloud metadata"],
  [{ url: "http://10.0.0.1/" }, "private"],
  [{ url: "http://0x0a000001/" }, "private"],
  [{ url: "http://user:pw@example.com/" }, "user name or password"],
  [{ url: "http://example.com:8080/" }, "port 8080"],
  [{ url: "http://metadata.google.internal/" }, "internal name"],
  [
    { url: "https://example.com/", depth: "extreme" },
    "`depth` must be one of `quick`, `standard`, and `deep`",
  ],
  [{ url: "https://example.com/", depth: 3 }, "`depth` must be one of"],
];

describe("/autointel options", () => {
  it.each(BAD_INPUT)("refuses %j, naming the problem", (raw, problem) => {
    const parsed = parse(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(renderText(rawText("en-US"), parsed.error)).toContain(problem);
  });

  it("accepts http(s) addresses, normalised, with standard depth by default", () => {
    expect(parse({ url: " HTTPS://Example.COM/a?b=1#frag " })).toEqual({
      ok: true,
      options: { url: "https://example.com/a?b=1", depth: "standard" },
    });
    expect(parse({ url: "http://example.com", depth: "deep" })).toEqual({
      ok: true,
      options: { url: "http://example.com/", depth: "deep" },
    });
  });

  it("leaves loopback to stage 1, which knows whether this deployment allows it", () => {
    expect(parse({ url: "http://127.0.0.1:8080/" }).ok).toBe(true);
  });

  it("offers exactly the depths the workflow knows, and a URL option of at most 2048 characters", () => {
    const [url, depth] = autointelWorkflow.command?.options ?? [];
    expect(url && "max_length" in url ? url.max_length : undefined).toBe(MAX_URL_LENGTH);
    const choices = (depth && "choices" in depth ? depth.choices : undefined) ?? [];
    expect(choices.map((choice) => choice.value)).toEqual([...DEPTHS]);
    expect(commandDefinitions.map((c) => c.name)).toContain("autointel");
  });

  it("estimates a deep run past the 10-minute notice threshold and a quick one well under it", () => {
    const noticeMs = engineConfig({} as Env).longWorkflowNoticeMs;
    expect(estimateDurationMs("deep")).toBeGreaterThan(noticeMs);
    expect(estimateDurationMs("standard")).toBeLessThan(noticeMs);
    expect(estimateDurationMs("quick")).toBeLessThan(estimateDurationMs("standard"));
    expect(autointelWorkflow.estimateMs({ url: "https://example.com/", depth: "deep" })).toBe(
      estimateDurationMs("deep"),
    );
  });

  it("is registered as a built-in workflow under the command's name", () => {
    expect(findWorkflow("autointel")?.stages.map((stage) => stage.name)).toEqual([
      "resolve",
      "fetch",
      "extract",
      "crawl",
      "links",
      "summary",
    ]);
  });
});
