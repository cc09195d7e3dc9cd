import { describe, expect, it } from "vitest";
import { codeSpan, flatten, plainText } from "../../src/discord/render/safe-text.ts";
import { markdownHazards, renderedSurface } from "../helpers/markdown-hazards.ts";

const HOSTILE = [
  "[Free Nitro](https://evil.example/login) @everyone Test Site",
  "# Heading\n## Sub\n-# small print",
  "```js\nalert(1)\n```",
  "<@123456789012345678> <@&42> <#99> <t:1700000000:R> <:smile:123>",
  "@\u200beveryone and @here",
  "[click\u200b](https://evil.example) [x]\u2060(https://evil.example)",
  "> quoted\n>>> all quoted",
];

describe("plainText", () => {
  it.each(HOSTILE)("renders %j as literal text", (text) => {
    expect(markdownHazards(plainText(text, 500))).toEqual([]);
    expect(markdownHazards(text).length).toBeGreaterThan(0);
  });

  it("leaves no bold, underline, strike-through or spoiler", () => {
    const surface = renderedSurface(plainText("**bold** __under__ ~~gone~~ ||spoiler||", 100));
    expect(surface).not.toMatch(/\*\*|__|~~|\|\|/);
  });

  it("keeps the words readable and on one line", () => {
    const shown = plainText("[Free Nitro](https://evil.example)\n# Test", 500);
    expect(shown).not.toContain("\n");
    expect(shown.replace(/\\/g, "")).toBe("[Free Nitro](https://evil.example) # Test");
  });

  it("removes zero-width and bidi characters and cuts before escaping", () => {
    expect(flatten("a\u200bb\u202ec\u2060d")).toBe("abcd");
    const long = plainText("x".repeat(100_000), 200);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(plainText("*".repeat(100_000), 100).length).toBeLessThanOrEqual(200);
  });

  it("does not highlight @everyone even when someone spells it in pieces", () => {
    expect(plainText("@every\u200bone", 50)).toBe("@\u200beveryone");
  });
});

describe("codeSpan", () => {
  it("shows a URL literally, unclickable, and a backtick cannot end the span early", () => {
    const shown = codeSpan("https://evil.example/`[x](https://evil.example)`", 300);
    expect(shown.startsWith("`") && shown.endsWith("`")).toBe(true);
    expect(shown.slice(1, -1)).not.toContain("`");
    expect(markdownHazards(shown)).toEqual([]);
  });

  it("stands for nothing with a dash and bounds the length", () => {
    expect(codeSpan("  ", 10)).toBe("–");
    expect(codeSpan("y".repeat(500), 50).length).toBeLessThanOrEqual(52);
  });
});
