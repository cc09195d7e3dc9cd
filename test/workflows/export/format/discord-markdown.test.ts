import { describe, expect, it } from "vitest";
import {
  type MentionNames,
  renderDiscordMarkdown,
} from "../../../../src/workflows/export/format/discord-markdown.ts";
import { HOSTILE_TEXTS } from "./fixture.ts";
import {
  attr,
  elements,
  MESSAGE_MARKUP_TAGS,
  parseHtmlFragment,
  tagTexts,
  textOf,
} from "./html-tree.ts";

const NAMES: MentionNames = {
  user: (id) => (id === "1" ? "Alice <3" : null),
  role: (id) => (id === "2" ? "Mods" : null),
  channel: (id) => (id === "3" ? "general" : null),
};

function render(text: string) {
  return parseHtmlFragment(renderDiscordMarkdown(text, NAMES));
}

describe("Discord markdown rendered to HTML", () => {
  it("renders the inline styles Discord renders", () => {
    const tree = render("**b** *i* _i2_ __u__ ~~s~~ ||sp|| `c` ***bi*** *a **b** c*");
    expect(tagTexts(tree, "strong")).toEqual(["b", "bi", "b"]);
    expect(tagTexts(tree, "em")).toEqual(["i", "i2", "bi", "a b c"]);
    expect(tagTexts(tree, "u")).toEqual(["u"]);
    expect(tagTexts(tree, "s")).toEqual(["s"]);
    expect(tagTexts(tree, "code")).toEqual(["c"]);
    expect(tagTexts(render("`a \\` then ``x ` y``"), "code")).toEqual(["a \\", "x ` y"]);
    expect(
      elements(tree)
        .filter((e) => attr(e, "class") === "spoiler")
        .map(textOf),
    ).toEqual(["sp"]);
  });

  it("leaves unmatched or escaped markers as text, and snake_case alone", () => {
    const tree = render("2 * 3 * 4, a_b_c, \\*not\\*, **open, `open");
    expect(elements(tree).map((e) => e.tagName)).toEqual(["div"]);
    expect(textOf(tree)).toBe("2 * 3 * 4, a_b_c, *not*, **open, `open");
  });

  it("renders code blocks with their language and nothing inside them", () => {
    const tree = render("before\n```js\nconst a = '**x**' < 1;\n```\nafter");
    const pre = elements(tree).find((e) => e.tagName === "pre");
    expect(pre && attr(pre, "data-lang")).toBe("js");
    expect(pre && textOf(pre)).toBe("const a = '**x**' < 1;");
    expect(tagTexts(tree, "strong")).toEqual([]);
  });

  it("renders quotes, headings, subtext and lists at the start of lines", () => {
    const tree = render("# H1\n## H2\n### H3\n-# small\n> q1\n> q2\n- a\n- b\n1. one\nplain # not");
    expect(tagTexts(tree, "h1")).toEqual(["H1"]);
    expect(tagTexts(tree, "h2")).toEqual(["H2"]);
    expect(tagTexts(tree, "h3")).toEqual(["H3"]);
    expect(tagTexts(tree, "blockquote")).toEqual(["q1\nq2"]);
    expect(tagTexts(tree, "li")).toEqual(["a", "b", "one"]);
    expect(tagTexts(tree, "ul")).toHaveLength(1);
    expect(tagTexts(tree, "ol")).toHaveLength(1);
    expect(textOf(tree)).toContain("plain # not");
    expect(tagTexts(render(">>> all\nof this"), "blockquote")).toEqual(["all\nof this"]);
  });

  it("shows mentions by name, unknown ones as unknown, custom emoji and timestamps", () => {
    const tree = render(
      "<@1> <@!1> <@9> <@&2> <@&9> <#3> <#9> @everyone <:blob:42> <t:1709294400:R>",
    );
    const mentions = elements(tree)
      .filter((e) => attr(e, "class") === "mention")
      .map(textOf);
    expect(mentions).toEqual([
      "@Alice <3",
      "@Alice <3",
      "@unknown-user",
      "@Mods",
      "@unknown-role",
      "#general",
      "#unknown-channel",
      "@everyone",
    ]);
    const emoji = elements(tree).find((e) => e.tagName === "img");
    expect(emoji && attr(emoji, "src")).toBe("https://cdn.discordapp.com/emojis/42.png");
    const time = elements(tree).find((e) => e.tagName === "time");
    expect(time && [attr(time, "datetime"), attr(time, "data-format"), textOf(time)]).toEqual([
      "2024-03-01T12:00:00.000Z",
      "R",
      "2024-03-01 12:00 UTC",
    ]);
  });

  it("links only http(s) URLs: masked, bare and in angle brackets", () => {
    const tree = render(
      "[site](https://a.example/x?y=1&z=2) https://b.example/p. <https://c.example> [bad](javascript:alert(1)) [d](data:text/html,x)",
    );
    const links = elements(tree).filter((e) => e.tagName === "a");
    expect(links.map((a) => [attr(a, "href"), textOf(a)])).toEqual([
      ["https://a.example/x?y=1&z=2", "site"],
      ["https://b.example/p", "https://b.example/p"],
      ["https://c.example/", "https://c.example"],
    ]);
    expect(links.every((a) => attr(a, "rel") === "noopener noreferrer nofollow")).toBe(true);
    expect(textOf(tree)).toContain("[bad](javascript:alert(1))");
  });

  it("turns no hostile text into an element other than its own markup", () => {
    for (const text of HOSTILE_TEXTS) {
      for (const element of elements(render(text))) {
        expect(MESSAGE_MARKUP_TAGS.has(element.tagName), JSON.stringify(text)).toBe(true);
        expect(
          element.attrs.every((a) => !a.name.startsWith("on")),
          JSON.stringify(text),
        ).toBe(true);
      }
    }
  });

  it("does bounded work on texts built to make a parser backtrack", () => {
    const families = [
      "*a",
      "**a ",
      "<",
      "[",
      "](",
      "_a",
      "||",
      "`a",
      "**__~~||*_`",
      "**a __b ~~c ||d *e ",
      "> a\n",
      "# a\n",
      "https://a.b/ ",
      "```",
      "<:a:1",
      "- a\n  - b\n",
      "\\*",
      "<@",
      "<t:1:",
    ];
    // Linear scans take a few milliseconds for 19,000 characters (about 15 ms for the worst
    // family on this machine); a quadratic one takes seconds.
    for (const unit of families) {
      const text = unit.repeat(Math.floor(19_000 / unit.length));
      const started = performance.now();
      const html = renderDiscordMarkdown(text, NAMES);
      expect(performance.now() - started, JSON.stringify(unit)).toBeLessThan(400);
      expect(html.length).toBeGreaterThan(0);
    }
  });
});
