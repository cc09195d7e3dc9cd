// Discord refuses a whole registration over one bad localized name, so every localized text the
// commands carry is checked here against Discord's rules, in every language.
import type { LocalizationMap } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { TRANSLATED_LOCALES } from "../../src/i18n/locales.ts";
import { commandDefinitions, LANGUAGE_OPTION } from "../../src/interactions/definitions.ts";
import { workflowKinds } from "../../src/workflows/index.ts";

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface Named {
  name: string;
  name_localizations?: LocalizationMap | null;
  description?: string;
  description_localizations?: LocalizationMap | null;
  options?: Named[];
  choices?: Named[];
}

/** Every command, option, subcommand and choice, with where it sits. */
function everything(
  items: readonly Named[],
  path: string,
  kind: string,
): [string, string, Named][] {
  return items.flatMap((item) => {
    const at = `${path}${item.name}`;
    return [
      [at, kind, item] as [string, string, Named],
      ...everything(item.options ?? [], `${at} `, "option"),
      ...everything(item.choices ?? [], `${at} → `, "choice"),
    ];
  });
}

const all = everything(commandDefinitions as unknown as Named[], "/", "command");

function isValidName(name: string): boolean {
  return NAME.test(name) && name === name.toLowerCase();
}

describe("localized command data", () => {
  it("names every command, option and subcommand by Discord's rules in every language", () => {
    const names = all.filter(([, kind]) => kind !== "choice");
    expect(names.length).toBeGreaterThan(20);
    for (const [at, , item] of names) {
      expect(isValidName(item.name), at).toBe(true);
      for (const [locale, name] of Object.entries(item.name_localizations ?? {})) {
        expect(TRANSLATED_LOCALES, `${at} (${locale})`).toContain(locale);
        expect(isValidName(name ?? ""), `${at} (${locale}): "${name}"`).toBe(true);
      }
    }
  });

  it("keeps descriptions and choice names within 1–100 characters in every language", () => {
    for (const [at, kind, item] of all) {
      const texts =
        kind === "choice"
          ? [item.name, ...Object.values(item.name_localizations ?? {})]
          : [item.description ?? "", ...Object.values(item.description_localizations ?? {})];
      for (const text of texts) {
        const length = [...(text ?? "")].length;
        expect(length, `${at}: "${text}"`).toBeGreaterThanOrEqual(1);
        expect(length, `${at}: "${text}"`).toBeLessThanOrEqual(100);
      }
    }
  });

  it("translates the bot's own command data into every supported language", () => {
    const ping = commandDefinitions.find((c) => c.name === "ping");
    expect(Object.keys(ping?.description_localizations ?? {}).sort()).toEqual(
      [...TRANSLATED_LOCALES].sort(),
    );
    const notify = all.find(([at]) => at === "/notify state → on")?.[2];
    expect(notify?.name_localizations).toMatchObject({ de: "an", ja: "オン" });
  });

  it("gives every workflow command the engine's language option, last and optional", () => {
    for (const kind of workflowKinds.filter((k) => k.command)) {
      const command = commandDefinitions.find((c) => c.name === kind.name);
      const last = command?.options?.at(-1) as Named & { required?: boolean };
      expect(last, kind.name).toMatchObject({ name: LANGUAGE_OPTION, required: false });
      expect(last.choices?.map((c) => (c as unknown as { value: string }).value)).toEqual([
        "server",
        "mine",
      ]);
      expect(last.name_localizations).toMatchObject({ de: "sprache", fr: "langue" });
    }
  });
});
