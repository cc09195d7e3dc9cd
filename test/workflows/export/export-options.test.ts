import { describe, expect, it } from "vitest";
import { rawText } from "../../../src/discord/render/localized-text.ts";
import { renderText } from "../../../src/i18n/text-ref.ts";
import type { CommandInvocation } from "../../../src/workflow/definition.ts";
import { parseExportOptions } from "../../../src/workflows/export/options.ts";
import { BOT_ALL, MEMBER_READS, VIEW } from "./export-harness.ts";

const HERE = "1100000000000000001";
const OTHER = "1100000000000000002";

function invocation(overrides: Partial<CommandInvocation> = {}): CommandInvocation {
  return {
    userId: "42",
    guildId: "9",
    channelId: HERE,
    channelType: 0,
    memberPermissions: MEMBER_READS,
    appPermissions: BOT_ALL,
    resolvedChannels: {
      [OTHER]: { id: OTHER, type: 0, name: "other", permissions: MEMBER_READS, parentId: null },
    },
    rerun: false,
    ...overrides,
  };
}

function refusal(raw: Record<string, string | number | boolean>, at = invocation()): string {
  const parsed = parseExportOptions(raw, at);
  if (parsed.ok) throw new Error(`accepted ${JSON.stringify(raw)}`);
  return renderText(rawText("en-US"), parsed.error);
}

describe("/export options", () => {
  it("defaults to this channel, HTML, everything; and accepts its own output again", () => {
    const parsed = parseExportOptions({}, invocation());
    expect(parsed).toEqual({
      ok: true,
      options: {
        channel: HERE,
        format: "html",
        after: "",
        before: "",
        filter: "",
        threads: false,
        partition: 0,
      },
    });
    if (!parsed.ok) return;
    // Run again hands back the stored scalars.
    const stored = parsed.options as Record<string, string | number | boolean>;
    const again = parseExportOptions(stored, invocation({ rerun: true }));
    expect(again).toEqual(parsed);
  });

  it.each([
    [{ format: "pdf" }, "I write html, json, csv, and txt"],
    [{ after: "yesterday-ish" }, "`after`"],
    [{ after: "2026-02-01", before: "2026-01-01" }, "`after` must be earlier than `before`"],
    [{ partition: 50 }, "from 100 to 1,000,000"],
    [{ filter: "has:" }, "`filter`"],
  ])("refuses %o, saying what is accepted", (raw, says) => {
    expect(refusal(raw)).toContain(says);
  });

  it("checks the member's rights in the channel named, and the bot's where Discord told them", () => {
    const member = refusal(
      { channel: OTHER },
      invocation({
        resolvedChannels: {
          [OTHER]: { id: OTHER, type: 0, name: "x", permissions: String(VIEW), parentId: null },
        },
      }),
    );
    expect(member).toContain("View Channel and Read Message History");
    expect(refusal({}, invocation({ appPermissions: String(VIEW) }))).toContain(
      "give me (the bot)",
    );
    expect(refusal({}, invocation({ guildId: null }))).toContain("server channels");
    expect(refusal({}, invocation({ channelType: 2 }))).toContain("I can export");
    // A channel Discord did not resolve, on a fresh command: unknown rights are not assumed.
    expect(refusal({ channel: "1100000000000000003" })).toContain("can't tell");
    // Run again names a channel the button was not pressed in: checked at the first start.
    expect(
      parseExportOptions({ channel: OTHER }, invocation({ rerun: true, resolvedChannels: {} })).ok,
    ).toBe(true);
  });
});
