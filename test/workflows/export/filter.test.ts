import type { APIMessage } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { discordText } from "../../../src/discord/render/localized-text.ts";
import { renderText } from "../../../src/i18n/text-ref.ts";
import {
  containsWord,
  type MessageFilter,
  messageMatches,
  parseMessageFilter,
} from "../../../src/workflows/export/filter.ts";
import { markdownHazards } from "../../helpers/markdown-hazards.ts";
import { ALICE, BOB, CAROL, featureMessages, HOSTILE_TEXTS } from "./format/fixture.ts";

function filterOf(text: string): MessageFilter {
  const parsed = parseMessageFilter(text);
  if (!parsed.ok) throw new Error(parsed.error.key);
  // The filter is stored in the workflow's options: it must survive JSON.
  return JSON.parse(JSON.stringify(parsed.filter)) as MessageFilter;
}

function errorOf(text: string): string {
  const parsed = parseMessageFilter(text);
  if (parsed.ok) throw new Error(`"${text}" was accepted`);
  return renderText(discordText("en-US"), parsed.error);
}

const messages = featureMessages();
const [hello, formatted, reply, files, embed] = messages as [
  APIMessage,
  APIMessage,
  APIMessage,
  APIMessage,
  APIMessage,
];

function matching(text: string): string[] {
  const filter = filterOf(text);
  return messages.filter((message) => messageMatches(filter, message)).map((m) => m.id);
}

describe("export filters in DiscordChatExporter's forms", () => {
  it("from: matches the author by user name, display name, full name, id or mention, any case", () => {
    const byAlice = messages.filter((m) => m.author.id === ALICE.id).map((m) => m.id);
    for (const form of [
      "from:alice",
      "from:ALICE",
      'from:"Alice A."',
      `from:${ALICE.id}`,
      "from:@alice",
      `from:<@${ALICE.id}>`,
    ]) {
      expect(matching(form), form).toEqual(byAlice);
    }
    expect(matching("from:carol<script>#1234")).toEqual(
      messages.filter((m) => m.author.id === CAROL.id).map((m) => m.id),
    );
  });

  it("mentions: matches a mentioned user; has: matches what a message carries", () => {
    expect(matching(`mentions:${BOB.id}`)).toEqual([hello.id]);
    expect(matching("mentions:bob")).toEqual([hello.id]);
    // The cat.png of `files` and the hostile ".png" attachment of the last message.
    expect(matching("has:image")).toEqual([files.id, messages.at(-1)?.id]);
    expect(matching("has:sticker")).toEqual([files.id]);
    expect(matching("has:embed")).toContain(embed.id);
    expect(matching("has:pin")).toEqual([reply.id]);
    expect(matching("has:attachment")).toContain(files.id);
    expect(matching("has:link")).not.toContain(hello.id);
    expect(matching("has:link").length).toBeGreaterThan(0);
    expect(matching("reaction:party")).toEqual([files.id]);
  });

  it("matches words and quoted phrases case-insensitively at word boundaries, in content and embeds", () => {
    expect(matching("HELLO")).toEqual([hello.id]);
    expect(matching("hell")).toEqual([]);
    expect(matching('"quoted\nitem"')).toEqual([]);
    expect(matching('"item one"')).toEqual([formatted.id]);
    expect(matching("footer")).toContain(embed.id);
    expect(containsWord("our (max) effort", "(max)")).toBe(true);
    expect(containsWord("our maximum effort", "max")).toBe(false);
    expect(containsWord("Max", "max")).toBe(true);
  });

  it("combines terms with AND and negates a term with - or ~", () => {
    expect(matching("from:alice hello")).toEqual([hello.id]);
    expect(matching("from:bob hello")).toEqual([]);
    const notAlice = matching("-from:alice");
    expect(notAlice).not.toContain(hello.id);
    expect(notAlice.length + matching("from:alice").length).toBe(messages.length);
    expect(matching("~has:pin has:pin")).toEqual([]);
  });

  it("refuses what it does not read with a sentence saying what is accepted", () => {
    expect(errorOf("has:gif")).toContain("`has:gif` is not known");
    expect(errorOf("from:")).toContain("`from:` needs a value");
    expect(errorOf('"open')).toContain("A quote is not closed");
    expect(errorOf("a | b")).toContain("not supported");
    expect(errorOf("(a b)")).toContain("not supported");
    expect(errorOf("   ")).toContain("empty");
    expect(errorOf("x".repeat(301))).toContain("longer than 300");
    expect(errorOf("x".repeat(101))).toContain("A term is longer than 100");
    expect(errorOf("a ".repeat(21))).toContain("more than 20 terms");
    for (const error of [errorOf("has:gif"), errorOf("x".repeat(301))]) {
      expect(error).toContain("Accepted: from:<user name or id>");
    }
  });

  it("shows the user's text back only inside a code span, without backticks", () => {
    expect(errorOf("has:`@everyone`")).toContain("`has:'@everyone'` is not known");
  });

  it("never lets the user's text render as markdown in the error Discord shows", () => {
    for (const text of HOSTILE_TEXTS) {
      for (const typed of [`has:${text}`, `from:${text}`, `"${text}`, text]) {
        if (!parseMessageFilter(typed).ok)
          expect(markdownHazards(errorOf(typed)), JSON.stringify(typed)).toEqual([]);
      }
    }
  });

  it("does bounded work on a hostile filter and hostile content", () => {
    const filter = filterOf(`${"a".repeat(99)}b ${"a".repeat(99)}`);
    const content = "a".repeat(4000);
    const started = performance.now();
    for (let i = 0; i < 100; i++) messageMatches(filter, { ...hello, content });
    // 100 messages of the worst case for indexOf, generously under a second.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
