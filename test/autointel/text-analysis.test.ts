import { describe, expect, it } from "vitest";
import { extractPage } from "../../src/workflows/autointel/extract-page.ts";
import { decodeEntities } from "../../src/workflows/autointel/html-entities.ts";
import { stopWordsFor } from "../../src/workflows/autointel/stop-words.ts";
import { addTerms, countWords, topTerms, words } from "../../src/workflows/autointel/text-stats.ts";

// Counted by hand, one word per dictionary word a reader of the language would see.
const SAMPLES = {
  ja: { text: "東京の灯台守は毎晩ランプの手入れをしていました。", min: 8, max: 14 },
  zh: { text: "我们每天晚上都在灯塔里工作。", min: 5, max: 9 },
  de: { text: "Der Leuchtturmwärter putzt jeden Abend die Lampe.", exact: 7 },
  en: { text: "The lighthouse keeper's lamp—trimmed at dusk, lit at dawn.", exact: 10 },
};

describe("word counts in workerd (Intl.Segmenter)", () => {
  it("splits Japanese and Chinese into words, not one word per sentence", () => {
    for (const lang of ["ja", "zh"] as const) {
      const { text, min, max } = SAMPLES[lang];
      const count = countWords(text, lang);
      expect(count, lang).toBeGreaterThanOrEqual(min);
      expect(count, lang).toBeLessThanOrEqual(max);
    }
    expect(words(SAMPLES.ja.text, "ja")).toEqual(
      expect.arrayContaining(["東京", "灯台守", "ランプ"]),
    );
    expect(words(SAMPLES.zh.text, "zh")).toEqual(expect.arrayContaining(["灯塔", "工作"]));
  });

  it("counts German and English words, punctuation and dashes apart", () => {
    expect(countWords(SAMPLES.de.text, "de")).toBe(SAMPLES.de.exact);
    expect(countWords(SAMPLES.en.text, "en")).toBe(SAMPLES.en.exact);
    // Without a declared language the root rules still split CJK text.
    expect(countWords(SAMPLES.ja.text, null)).toBeGreaterThan(1);
    expect(countWords("x", "not a tag!")).toBe(1);
  });
});

describe("top terms", () => {
  it("leaves out the stop words of the page's language", () => {
    const terms = new Map<string, number>();
    addTerms(
      "Der Leuchtturm und die Lampe. Der Leuchtturm ist alt und die Lampe auch.",
      terms,
      "de-AT",
    );
    expect(topTerms(terms, 3).map(([term]) => term)).toEqual(["lampe", "leuchtturm", "alt"]);
    const ja = new Map<string, number>();
    addTerms(`${SAMPLES.ja.text}灯台守の仕事です。`, ja, "ja");
    const jaTerms = topTerms(ja, 10).map(([term]) => term);
    expect(jaTerms[0]).toBe("灯台守");
    for (const particle of ["の", "は", "を", "です"]) expect(jaTerms).not.toContain(particle);
    expect(stopWordsFor("fr").has("les")).toBe(true);
    expect(stopWordsFor("xx").has("the")).toBe(true);
  });
});

describe("HTML entities", () => {
  it("decodes every named entity, with or without the semicolon, and numeric ones", () => {
    expect(
      decodeEntities("caf&aacute; caf&eacute d&eacute;j&agrave; &hellip; &notin; &#x1F4A1; &#233;"),
    ).toBe("cafá café déjà … ∉ 💡 é");
    expect(decodeEntities("no entities here")).toBe("no entities here");
  });

  it("gives café as one term, not 'caf' and 'aacute'", async () => {
    const page = await extractPage(
      '<html lang="es"><title>Caf&aacute;</title><p>Un caf&aacute; y otro caf&aacute; en el puerto.</p></html>',
      "https://example.com/",
    );
    expect(page.title).toBe("Cafá");
    expect(page.terms.map(([term]) => term)).toContain("cafá");
    expect(page.terms.map(([term]) => term)).not.toContain("aacute");
    expect(page.wordCount).toBe(8);
  });
});
