import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "../../src/i18n/locales.ts";
import { createTranslator, trusted } from "../../src/i18n/translator.ts";

const brackets = (text: string) => `[${text}]`;

describe("translator", () => {
  it("pluralises and formats numbers by the locale's rules", () => {
    expect(createTranslator("en-US", brackets)("common.pages", { count: 1 })).toBe("1 page");
    expect(createTranslator("en-US", brackets)("common.pages", { count: 1234 })).toBe(
      "1,234 pages",
    );
    expect(createTranslator("de", brackets)("common.pages", { count: 1234 })).toBe("1.234 Seiten");
    expect(createTranslator("fr", brackets)("common.pages", { count: 0 })).toBe("0 page");
    expect(createTranslator("ja", brackets)("common.pages", { count: 3 })).toBe("3 ページ");
  });

  it("escapes string variables unless they are trusted", () => {
    const t = createTranslator("en-US", brackets);
    // @ts-expect-error a key that does not exist fails the type check
    expect(() => t("common.noSuchKey")).toThrow();
    // @ts-expect-error a message's variables are required (checked by the type check alone)
    const missingVariables = () => t("common.pages");
    expect(typeof missingVariables).toBe("function");
    expect(t("common.unknownError")).toBe("Something went wrong.");
    const ja = createTranslator("ja", (text) => text.replaceAll("*", "\\*"));
    expect(ja("common.pages", { count: 2 })).toBe("2 ページ");
    expect(typeof trusted("x").text).toBe("string");
  });
});

describe("locales", () => {
  it("falls back to English for locales it does not speak", () => {
    expect(resolveLocale("de")).toBe("de");
    expect(resolveLocale("es-419")).toBe("es-ES");
    expect(resolveLocale("ko")).toBe("en-US");
    expect(resolveLocale(undefined)).toBe("en-US");
  });

  it("reads the browser's language by weight", () => {
    expect(localeFromAcceptLanguage("ko, ja;q=0.8, de;q=0.9")).toBe("de");
    expect(localeFromAcceptLanguage("pt-PT,pt;q=0.9")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("x".repeat(100_000))).toBe("en-US");
    expect(localeFromAcceptLanguage(null)).toBe("en-US");
  });
});
