import type { APIEmbed } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import {
  buildMessages,
  packEmbeds,
  splitEmbed,
  textToEmbeds,
  truncateMessage,
} from "../../src/discord/render/message-builder.ts";
import {
  embedTextLength,
  fitsInMessage,
  MessageLimits,
  messageLimitViolations,
} from "../../src/discord/render/message-limits.ts";
import { progressBar, progressLine } from "../../src/discord/render/progress-bar.ts";
import { ELLIPSIS, splitText, truncate } from "../../src/discord/render/text.ts";

const x = (n: number) => "x".repeat(n);

describe("progressBar", () => {
  it("fills in proportion, exactly `width` wide", () => {
    expect(progressBar(0.5, 10)).toBe("█████░░░░░");
    expect(progressBar(0, 4)).toBe("░░░░");
    expect(progressBar(1, 4)).toBe("████");
    expect(progressBar(0.999, 10)).toBe("█████████░");
  });

  it("clamps to 0..1 and treats NaN as 0", () => {
    expect(progressBar(-3, 5)).toBe("░░░░░");
    expect(progressBar(7, 5)).toBe("█████");
    expect(progressBar(Number.NaN, 5)).toBe("░░░░░");
    expect(progressBar(Number.POSITIVE_INFINITY, 5)).toBe("█████");
  });

  it("keeps a sane width", () => {
    expect(progressBar(0.5, 0)).toHaveLength(1);
    expect(progressBar(0.5, 1e9)).toHaveLength(100);
    expect(progressBar(0.5, Number.NaN)).toHaveLength(20);
    expect(progressBar(0.5)).toHaveLength(20);
  });

  it("progressLine adds the whole percentage", () => {
    expect(progressLine(0.427, 10)).toBe("████░░░░░░ 42%");
    expect(progressLine(Number.NaN, 2)).toBe("░░ 0%");
  });
});

describe("text helpers", () => {
  it("truncate ends with an ellipsis and never exceeds the limit", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate(x(20), 10)).toBe(`${x(9)}${ELLIPSIS}`);
    expect(truncate(x(20), 10)).toHaveLength(10);
    expect(truncate("abc", 0)).toBe("");
  });

  it("never cuts an emoji in half", () => {
    const cut = truncate(`${x(8)}😀😀`, 10);
    expect(cut).toBe(`${x(8)}${ELLIPSIS}`);
    for (const piece of splitText("😀".repeat(10), 5)) {
      expect(piece.length).toBeLessThanOrEqual(5);
      expect(piece).not.toMatch(/[\ud800-\udbff]$/);
    }
  });

  it("splitText breaks at newlines, then spaces, then anywhere", () => {
    expect(splitText("aaa\nbbb\nccc", 8)).toEqual(["aaa\nbbb", "ccc"]);
    expect(splitText("aaa bbb ccc", 8)).toEqual(["aaa bbb", "ccc"]);
    expect(splitText(x(10), 4)).toEqual(["xxxx", "xxxx", "xx"]);
    expect(splitText("", 4)).toEqual([]);
  });
});

describe("message limits", () => {
  it("fitsInMessage accepts a body at the limits and rejects one character more", () => {
    const embed = {
      title: x(256),
      description: x(4096),
      footer: { text: x(1392) },
      author: { name: x(256) },
    };
    expect(embedTextLength(embed)).toBe(MessageLimits.embedTotal);
    expect(fitsInMessage({ content: x(MessageLimits.content), embeds: [embed] })).toBe(true);
    expect(fitsInMessage({ content: x(MessageLimits.content + 1) })).toBe(false);
    expect(fitsInMessage({ embeds: [{ ...embed, footer: { text: x(1393) } }] })).toBe(false);
    expect(fitsInMessage({ embeds: [{ description: x(4097) }] })).toBe(false);
  });

  it("names every limit a body breaks", () => {
    const fields = Array.from({ length: 26 }, () => ({ name: x(257), value: x(1025) }));
    const violations = messageLimitViolations({
      content: x(2001),
      embeds: [
        {
          title: x(257),
          description: x(4097),
          footer: { text: x(2049) },
          author: { name: x(257) },
          fields,
        },
        ...Array.from({ length: 10 }, () => ({ description: "d" })),
      ],
    });
    const text = violations.join("\n");
    for (const part of [
      "content",
      "embeds: 11",
      "title",
      "description",
      "footer.text",
      "author.name",
      "embeds[0].fields: 26",
      "fields[0].name",
      "fields[0].value",
      "embed text total",
    ]) {
      expect(text).toContain(part);
    }
  });
});

describe("message builders", () => {
  it("every embed part is truncated to its own limit", () => {
    const [embed] = splitEmbed({
      title: x(300),
      description: x(5000),
      footer: { text: x(3000) },
      author: { name: x(300) },
    });
    expect(embed?.title).toHaveLength(256);
    expect(embed?.author?.name).toHaveLength(256);
    expect(embed?.title?.endsWith(ELLIPSIS)).toBe(true);
    expect(fitsInMessage({ embeds: [embed as APIEmbed] })).toBe(true);
    expect(embedTextLength(embed as APIEmbed)).toBeLessThanOrEqual(6000);
  });

  it("fields past 25, or past 6000 characters, continue in further embeds", () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({ name: `f${i}`, value: x(2000) }));
    const embeds = splitEmbed({ title: "Results", color: 5, fields });
    expect(embeds.flatMap((e) => e.fields ?? [])).toHaveLength(60);
    for (const embed of embeds) {
      expect(fitsInMessage({ embeds: [embed] })).toBe(true);
      expect(embed.color).toBe(5);
    }
    expect(embeds[0]?.title).toBe("Results");
    expect(embeds[1]?.title).toBeUndefined();
  });

  it("empty field names or values are replaced, since Discord rejects them", () => {
    const [embed] = splitEmbed({ fields: [{ name: "", value: "" }] });
    expect(fitsInMessage({ embeds: [embed as APIEmbed] })).toBe(true);
  });

  it("packEmbeds keeps at most 10 embeds and 6000 characters per message", () => {
    const many = Array.from({ length: 25 }, () => ({ description: x(100) }));
    expect(packEmbeds(many).map((g) => g.length)).toEqual([10, 10, 5]);
    const big = Array.from({ length: 5 }, () => ({ description: x(4000) }));
    expect(packEmbeds(big).map((g) => g.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it("buildMessages splits long content and long text into bodies that all fit", () => {
    const text = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join("\n");
    const messages = buildMessages({
      content: text.slice(0, 4500),
      embeds: textToEmbeds(text, { title: "Report", footer: "done", color: 1 }),
    });
    expect(messages.length).toBeGreaterThan(3);
    for (const body of messages) expect(fitsInMessage(body)).toBe(true);
    const contents = messages.flatMap((m) => (m.content === undefined ? [] : [m.content]));
    expect(contents.join("\n")).toBe(text.slice(0, 4500));
    const descriptions = messages.flatMap((m) => m.embeds ?? []).map((e) => e.description);
    expect(descriptions.join("\n")).toBe(text);
    expect(messages[0]?.embeds).toBeUndefined();
    expect(messages.flatMap((m) => m.embeds ?? []).at(-1)?.footer?.text).toBe("done");
  });

  it("truncateMessage makes one body that fits", () => {
    const body = truncateMessage({
      content: x(5000),
      embeds: Array.from({ length: 12 }, () => ({ description: x(4096) })),
    });
    expect(body.content).toHaveLength(2000);
    expect(fitsInMessage(body)).toBe(true);
  });

  it("empty text still gives one embed", () => {
    expect(textToEmbeds("")).toHaveLength(1);
    expect(buildMessages({})).toEqual([]);
  });
});
