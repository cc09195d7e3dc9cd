import { describe, expect, it } from "vitest";
import { discordText } from "../../../src/discord/render/localized-text.ts";
import { renderText } from "../../../src/i18n/text-ref.ts";
import {
  boundError,
  parseMessageBound,
  snowflakeAt,
  timeOfSnowflake,
} from "../../../src/workflows/export/message-bound.ts";
import { markdownHazards } from "../../helpers/markdown-hazards.ts";
import { HOSTILE_TEXTS } from "./format/fixture.ts";

function idOf(text: string): string {
  const parsed = parseMessageBound(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.id;
}

function errorOf(text: string): string {
  const parsed = parseMessageBound(text);
  if (parsed.ok) throw new Error(`"${text}" was accepted as ${parsed.id}`);
  return renderText(discordText("en-US"), boundError("after", parsed.problem));
}

const MESSAGE = "1213093380096000000";

describe("after/before: a date, a message link or a message id", () => {
  it("turns a time into the first snowflake of its millisecond, and back", () => {
    const ms = Date.parse("2024-03-01T12:00:00.000Z");
    expect(snowflakeAt(ms)).toBe("1213093380096000000");
    expect(timeOfSnowflake(snowflakeAt(ms))).toBe(ms);
    expect(timeOfSnowflake("175928847299117063")).toBe(1462015105796); // Discord's docs example
    expect(snowflakeAt(0)).toBe("0");
  });

  it("reads dates as UTC unless they carry an offset", () => {
    expect(idOf("2024-03-01")).toBe(snowflakeAt(Date.parse("2024-03-01T00:00:00Z")));
    expect(idOf("2024-03-01T12:00")).toBe(MESSAGE);
    expect(idOf("2024-03-01 12:00:00")).toBe(MESSAGE);
    expect(idOf("2024-03-01T12:00:00.000Z")).toBe(MESSAGE);
    expect(idOf("2024-03-01T14:00:00+02:00")).toBe(MESSAGE);
  });

  it("reads message links of every Discord host, in servers and DMs", () => {
    for (const host of ["discord.com", "ptb.discord.com", "canary.discord.com", "discordapp.com"]) {
      expect(
        idOf(`https://${host}/channels/700000000000000001/200000000000000001/${MESSAGE}`),
      ).toBe(MESSAGE);
    }
    expect(idOf(`https://discord.com/channels/@me/200000000000000001/${MESSAGE}`)).toBe(MESSAGE);
    expect(idOf(`  https://discord.com/channels/1/2/${MESSAGE}/  `)).toBe(MESSAGE);
  });

  it("reads message ids", () => {
    expect(idOf(MESSAGE)).toBe(MESSAGE);
  });

  it("never shows the user's text back in its errors (they are posted to Discord)", () => {
    for (const text of HOSTILE_TEXTS) {
      if (!parseMessageBound(text).ok)
        expect(markdownHazards(errorOf(text)), JSON.stringify(text)).toEqual([]);
    }
  });

  it("refuses anything else with a sentence saying what is accepted", () => {
    const accepted = "a message link (Copy Message Link) or a message id (Copy Message ID)";
    expect(errorOf("yesterday")).toContain(accepted);
    expect(errorOf("yesterday")).toMatch(/^`after`: /);
    expect(errorOf("")).toContain("empty");
    expect(errorOf("2024-02-30")).toContain("does not exist");
    expect(errorOf("2024-03-01T25:00")).toContain("does not exist");
    expect(errorOf("2010-01-01")).toContain("2015");
    expect(errorOf("https://evil.example/channels/1/2/3")).toContain("not a Discord message link");
    expect(errorOf("https://discord.com/channels/1/2")).toContain("not a Discord message link");
    expect(errorOf("99999999999999999999999")).toContain("not a Discord message id");
    expect(errorOf("42")).toContain("not a Discord message id");
    expect(errorOf("1".repeat(201))).toContain("too long");
  });
});
