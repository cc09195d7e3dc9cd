import { describe, expect, it } from "vitest";
import { discordText } from "../../src/discord/render/localized-text.ts";
import { messageLimitViolations } from "../../src/discord/render/message-limits.ts";
import type { MessageKey } from "../../src/i18n/catalog-types.ts";
import { SUPPORTED_LOCALES } from "../../src/i18n/locales.ts";
import { resultMessage } from "../../src/results/result-message.ts";
import type { StoredResultMeta } from "../../src/results/result-store.ts";
import type { WorkflowResult } from "../../src/workflow/definition.ts";
import { markdownHazards, messageTexts } from "../helpers/markdown-hazards.ts";
import { resultsSamples } from "../i18n/samples/results.ts";

// The result message in every language, at its fullest (every status, the longest lighter label
// a button takes, stage files attached, linked, unavailable and listed): within Discord's limits,
// and nothing from the page or the user as markup.

const STATUSES: StoredResultMeta["status"][] = ["completed", "failed", "cancelled", "timed_out"];
const huge = (n: number) => "[Free Nitro](https://evil.example) @everyone ".repeat(n);

const meta = (status: StoredResultMeta["status"]): StoredResultMeta => ({
  workflowId: "0b7d3c1e-8d6f-4a43-9a43-0c6d0f3f7a11",
  command: "autointel",
  input: `https://example.com/${huge(20)}`,
  userId: "42",
  guildId: null,
  channelId: null,
  status,
  createdAt: 0,
  completedAt: 1,
  error: status === "completed" ? null : `no answer within 5 s ${huge(20)}`,
  options: { url: "https://example.com/" },
});

const result: WorkflowResult = {
  summary: `"${huge(30)}": 100 pages crawled`,
  markdown: `# Report\n${huge(100)}`,
  data: { ok: true },
  fields: Array.from({ length: 30 }, (_, i) => ({
    name: `Figure ${i} ${huge(5)}`,
    value: huge(40),
  })),
  findings: ["Broken links", huge(5)].map((title) => ({
    title,
    total: 123_456,
    items: Array.from({ length: 5 }, (_, i) => ({
      subject: `https://example.com/${i}/${huge(20)}`,
      detail: huge(10),
      foundOn: `/page-${i}/${huge(5)}`,
    })),
  })),
};

const stageFiles = {
  attached: [{ name: "thread-1.json", data: "[]", contentType: "application/json" }],
  links: [{ name: `${huge(2)}.json`, url: "https://bot.example/f?sig=1", expiresAt: 1.8e12 }],
  unavailable: ["thread-3.json", `${huge(3)}.json`],
  listed: 12_345,
  listing: [{ name: "thread-9.json", bytes: 123_456_789, url: null }],
};

describe("the result message in every language", () => {
  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale}: stays within Discord's limits, with nothing from outside as markup`, () => {
      for (const status of STATUSES) {
        const body = resultMessage(meta(status), "Site analysis", result, {
          locale,
          mention: true,
          stageFiles,
          actions: { retry: true, runAgain: true, lighterLabel: "L".repeat(80) },
        });
        expect(messageLimitViolations(body), `${locale} ${status}`).toEqual([]);
        const rows = (body.components ?? []) as { components: { label?: string }[] }[];
        const labels = rows.flatMap((row) => row.components.map((b) => b.label ?? ""));
        for (const label of labels) expect(label.length).toBeLessThanOrEqual(80);
        const withoutLinks = resultMessage(meta(status), "Site analysis", result, {
          locale,
          actions: { retry: true, runAgain: true, lighterLabel: `${huge(2)}`.slice(0, 80) },
        });
        for (const text of messageTexts({ embeds: withoutLinks.embeds })) {
          expect(markdownHazards(text, []), `${locale} ${status}: ${text}`).toEqual([]);
        }
      }
    });
  }

  it("writes files.md in the message's language", () => {
    const body = resultMessage(meta("completed"), "Site analysis", result, {
      locale: "de",
      stageFiles,
    });
    const list = body.files?.find((file) => file.name === "files.md");
    expect(String(list?.data)).toContain("# Dateien dieses Ergebnisses");
    expect(String(list?.data)).toContain("thread-9.json (118 MB, kein Link)");
    expect(body.embeds?.[0]?.description).toContain("12.345 weitere Dateien");
  });

  it("has every message of the section in every language, each fit for one Discord message", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const t = discordText(locale) as unknown as (key: MessageKey, vars: object) => string;
      for (const [key, vars] of Object.entries(resultsSamples)) {
        const text = t(key as MessageKey, vars as object);
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
        expect(text.length, `${locale} ${key}`).toBeLessThanOrEqual(2000);
      }
    }
  });
});
