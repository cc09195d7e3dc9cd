// Every catalog message, rendered in every locale with hostile text in its string variables: a
// missing key, an English fallback where a translation exists, a message over Discord's limits
// or a variable's markdown that survives into the message fails here.
import { describe, expect, it } from "vitest";
import { discordText } from "../../src/discord/render/localized-text.ts";
import { CATALOGS } from "../../src/i18n/catalog.ts";
import type { MessageKey } from "../../src/i18n/catalog-types.ts";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, TRANSLATED_LOCALES } from "../../src/i18n/locales.ts";
import { markdownHazards } from "../helpers/markdown-hazards.ts";
import { messageSamples } from "./samples/index.ts";

/** Outside text as people (and attackers) type it: every markup Discord renders, and Unicode. */
const HOSTILE_TEXTS = [
  "**bold** __under__ ~~gone~~ ||spoiler|| `code` ```fence``` [click](https://evil.example/x)",
  "@everyone @here <@123456789012345678> <@&123456789012345678> <#123456789012345678>",
  "# heading\n> quote\n-# subtext\n1. list <t:1700000000:R> <:emoji:123456789012345678>",
  "Ünïcödé 日本語テキスト עברית \u202Eevil\u202C 👩‍👩‍👧‍👦 \\*not escaped\\*",
];

/** Messages that read the same in every language: the text is all variables, by design. */
const SAME_IN_EVERY_LANGUAGE: ReadonlySet<MessageKey> = new Set<MessageKey>([
  "common.untranslated",
]);

/** Translations that happen to read as the English does ("3 pages" is French too). */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly MessageKey[]>> = {
  de: ["commands.workflows.name"],
  fr: ["common.pages", "results.footer", "commands.workflows.name"],
};

/**
 * Discord's limit for the place a message is shown, by the last part of its key: button labels
 * and select options 80, embed titles and field names 256, choice names and descriptions 100,
 * everything else a message's content (2000).
 */
function limitOf(key: string): number {
  const last = key.split(".").at(-1) ?? key;
  if (/(Button|Label)$/.test(last)) return 80;
  if (/(Title|FieldName|Field)$/.test(last)) return 256;
  if (key.startsWith("commands.")) return 100;
  return 2000;
}

type Vars = Record<string, unknown>;
const samples = messageSamples as unknown as Record<MessageKey, Vars>;
const keys = Object.keys(CATALOGS[DEFAULT_LOCALE]) as MessageKey[];

/** The sample's string variables (also inside arrays) replaced by `text`. */
function withText(vars: Vars, text: (name: string) => string): Vars {
  const out: Vars = {};
  for (const [name, value] of Object.entries(vars)) {
    if (typeof value === "string") out[name] = text(name);
    else if (Array.isArray(value))
      out[name] = value.map((item, index) =>
        typeof item === "string" ? text(`${name}${index}`) : item,
      );
    else out[name] = value;
  }
  return out;
}

function render(locale: (typeof SUPPORTED_LOCALES)[number], key: MessageKey, vars: Vars): string {
  const t = discordText(locale) as unknown as (key: MessageKey, vars: Vars) => string;
  return t(key, vars);
}

describe("every catalog message", () => {
  it("has samples for every key and the same keys in every locale", () => {
    expect(Object.keys(samples).sort()).toEqual([...keys].sort());
    for (const locale of TRANSLATED_LOCALES)
      expect(Object.keys(CATALOGS[locale]).sort(), locale).toEqual([...keys].sort());
  });

  for (const locale of SUPPORTED_LOCALES) {
    it(`renders in ${locale} within Discord's limits, escaping every variable`, () => {
      for (const key of keys) {
        const sample = samples[key];
        const plain = render(
          locale,
          key,
          withText(sample, (name) => `plain ${name}`),
        );
        const ownMarkup = new Set(markdownHazards(plain));
        for (const hostile of HOSTILE_TEXTS) {
          const text = render(
            locale,
            key,
            withText(sample, () => hostile),
          );
          expect(text.length, `${locale} ${key} length`).toBeLessThanOrEqual(limitOf(key));
          const leaked = markdownHazards(text).filter((hazard) => !ownMarkup.has(hazard));
          expect(leaked, `${locale} ${key} with ${JSON.stringify(hostile)}`).toEqual([]);
          expect(text, `${locale} ${key}`).not.toMatch(/undefined|NaN|\[object Object\]|\{\w+\}/);
        }
      }
    });
  }

  for (const locale of TRANSLATED_LOCALES) {
    it(`is translated into ${locale}, not English`, () => {
      const reused = keys.filter((key) => CATALOGS[locale][key] === CATALOGS[DEFAULT_LOCALE][key]);
      expect(reused, `${locale}: English messages reused as translations`).toEqual([]);
      const untranslated = keys.filter((key) => {
        if (SAME_IN_EVERY_LANGUAGE.has(key) || SAME_AS_ENGLISH[locale]?.includes(key)) return false;
        const vars = withText(samples[key], (name) => `⟨${name}⟩`);
        return render(locale, key, vars) === render(DEFAULT_LOCALE, key, vars);
      });
      expect(untranslated, `${locale}: messages identical to English`).toEqual([]);
    });
  }
});
