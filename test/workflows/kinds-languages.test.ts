import type { APIApplicationCommandBasicOption } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { discordText, rawText } from "../../src/discord/render/localized-text.ts";
import type { MessageKey } from "../../src/i18n/catalog-types.ts";
import { SUPPORTED_LOCALES } from "../../src/i18n/locales.ts";
import { renderText, storedText, type TextRef, textRef } from "../../src/i18n/text-ref.ts";
import type { JsonValue } from "../../src/workflow/definition.ts";
import { autointelWorkflow } from "../../src/workflows/autointel/definition.ts";
import { parseAutointelOptions } from "../../src/workflows/autointel/options.ts";
import { exportWorkflow } from "../../src/workflows/export/definition.ts";
import { type ExportOptions, parseExportOptions } from "../../src/workflows/export/options.ts";
import { markdownHazards } from "../helpers/markdown-hazards.ts";
import { autointelSamples } from "../i18n/samples/autointel.ts";
import { exportingSamples } from "../i18n/samples/exporting.ts";

const HOSTILE = "**x** @everyone [y](https://evil.example) `z`";
const samples = { ...autointelSamples, ...exportingSamples } as Record<
  string,
  Record<string, unknown>
>;
const keys = Object.keys(samples) as MessageKey[];

/** Every sample with its string variables replaced by hostile text. */
function hostileRef(key: MessageKey): TextRef {
  const vars = Object.fromEntries(
    Object.entries(samples[key] ?? {}).map(([name, value]) => [
      name,
      typeof value === "string" ? HOSTILE : value,
    ]),
  );
  return { key, vars } as TextRef;
}

describe("the kinds' messages in every language", () => {
  it("render every key of both sections, within Discord's limits, escaping what they are given", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const t = discordText(locale);
      for (const key of keys) {
        const text = renderText(t, hostileRef(key));
        expect(text.length, `${locale} ${key}`).toBeGreaterThan(0);
        expect(text.length, `${locale} ${key}`).toBeLessThanOrEqual(1024);
        expect(text, `${locale} ${key}`).not.toContain("**x**");
        expect(text, `${locale} ${key}`).not.toContain("@everyone");
      }
    }
  });

  it("give Discord valid command data: lowercase option names, descriptions of 1-100 characters", () => {
    const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
    const commands = [autointelWorkflow.command, exportWorkflow.command];
    for (const command of commands) {
      const texts = [
        command?.description,
        ...Object.values(command?.description_localizations ?? {}),
      ];
      for (const text of texts) expect(text?.length).toBeLessThanOrEqual(100);
      for (const option of (command?.options ?? []) as APIApplicationCommandBasicOption[]) {
        const names = [option.name, ...Object.values(option.name_localizations ?? {})];
        for (const name of names) {
          expect(name).toMatch(NAME);
          expect(name).toBe(name?.toLowerCase());
        }
        expect(Object.keys(option.name_localizations ?? {})).toHaveLength(5);
        const descriptions = [
          option.description,
          ...Object.values(option.description_localizations ?? {}),
        ];
        for (const text of descriptions) expect(text?.length).toBeLessThanOrEqual(100);
        for (const choice of "choices" in option ? (option.choices ?? []) : []) {
          const shown = [choice.name, ...Object.values(choice.name_localizations ?? {})];
          for (const name of shown) expect(name?.length).toBeLessThanOrEqual(100);
          expect(Object.keys(choice.name_localizations ?? {})).toHaveLength(5);
        }
      }
    }
  });

  it("label progress with variables, numbers in the reader's way", () => {
    const reading = textRef("exporting.progress.reading", { kept: 12_345, read: 20_000 });
    expect(renderText(rawText("en-US"), reading)).toBe(
      "Reading messages: 12,345 kept of 20,000 read",
    );
    expect(renderText(rawText("de"), reading)).toContain("12.345");
    expect(renderText(rawText("ja"), reading)).toContain("メッセージ");
    const page = textRef("autointel.progress.page", { page: 3, budget: 100 });
    expect(renderText(rawText("en-US"), page)).toBe("Crawling page 3 of up to 100");
    expect(renderText(rawText("fr"), page)).toContain("page 3");
  });
});

describe("option errors in the user's language", () => {
  const fr = (error: TextRef) => renderText(discordText("fr"), error);
  const refusal = (parsed: { ok: true } | { ok: false; error: TextRef }) => {
    if (parsed.ok) throw new Error("accepted");
    return fr(parsed.error);
  };
  const invocation = {
    userId: "42",
    guildId: "9",
    channelId: "1100000000000000001",
    channelType: 0,
    memberPermissions: String((1n << 10n) | (1n << 16n)),
    appPermissions: null,
    resolvedChannels: {},
    rerun: false,
  };

  it("say what is wrong and what is accepted, in French, the user's text escaped", () => {
    expect(refusal(parseAutointelOptions({}))).toContain("est obligatoire");
    expect(refusal(parseAutointelOptions({ url: "https://example.com/", depth: "x" }))).toContain(
      "`quick`, `standard` et `deep`",
    );
    expect(refusal(parseExportOptions({ format: "pdf" }, invocation))).toBe(
      "`type-fichier` `pdf` n'est pas un format que je sais écrire ; j'écris html, json, csv et txt.",
    );
    expect(refusal(parseExportOptions({ after: "hier" }, invocation))).toMatch(
      /^`après` : .*lien de message/,
    );
    expect(refusal(parseExportOptions({ partition: 50 }, invocation))).toContain(
      "de 100 à 1\u202f000\u202f000",
    );
    const hostile = refusal(parseExportOptions({ filter: "has:**x**_@everyone_`z`" }, invocation));
    expect(hostile).toContain("est inconnu");
    expect(markdownHazards(hostile)).toEqual([]);
    expect(refusal(parseExportOptions({}, { ...invocation, guildId: null }))).toContain(
      "messages privés",
    );
  });
});

const autointelOutputs: Record<string, JsonValue> = {
  fetch: {
    requestedUrl: "https://site.example/",
    finalUrl: "https://site.example/",
    status: 200,
    contentType: "text/html",
    bytes: 23_456,
    elapsedMs: 321,
    fetchedAt: 0,
    redirects: [],
    html: "",
  },
  extract: {
    title: "Lighthouse",
    description: null,
    canonical: null,
    lang: null,
    robotsMeta: null,
    openGraph: {},
    headings: [],
    wordCount: 12_345,
    readingMinutes: 4,
    links: ["https://site.example/a"],
    otherLinks: 0,
    linksNotKept: 0,
    readProblem: null,
    images: 2,
    imagesWithoutAlt: [],
    imagesWithoutAltCount: 1,
    terms: [["lighthouse", 9]],
  },
  links: {
    checked: [
      {
        url: "https://site.example/missing",
        from: 0,
        outcome: "broken",
        status: 404,
        finalUrl: null,
        note: "answered HTTP 404",
        failure: null,
      },
      {
        url: "http://10.0.0.7/admin",
        from: 0,
        outcome: "refused",
        status: null,
        finalUrl: null,
        note: "the host is a private (10.0.0.0/8) address",
        failure: null,
        refusal: storedText(
          textRef("common.url.specialAddress", { range: "private (10.0.0.0/8)" }),
        ),
      },
    ],
    linkBudget: 50,
    skippedByRobots: 1,
    notChecked: 2,
    invocations: 1,
  },
  summary: { skipped: "no AI binding" },
};

const exportOptions: ExportOptions = {
  channel: "1100000000000000001",
  format: "html",
  after: "2026-01-01",
  before: "",
  filter: "has:image",
  threads: true,
  partition: 0,
};
const exportOutputs: Record<string, JsonValue> = {
  prepare: {
    guild: null,
    channel: { id: "1", name: "general", type: 0, categoryName: null, topic: null },
    exportedAt: "2026-03-01T00:00:00.000Z",
    dateRange: { after: null, before: null },
    sources: [],
    skipped: ["threads_capped", "private_threads"],
  },
  collect: {
    sources: [
      {
        chunks: 1,
        messages: 1234,
        firstAt: "2026-01-02T10:00:00.000Z",
        lastAt: "2026-02-03T11:00:00.000Z",
      },
    ],
    fetched: 5678,
    blank: 0,
    ordinary: 1234,
  },
  assemble: {
    files: [{ name: "general.html", bytes: 2_345_678, contentType: "text/html", messages: 1234 }],
    participants: 12,
    participantsCapped: false,
  },
};

function results(locale: (typeof SUPPORTED_LOCALES)[number]) {
  const input = { status: "completed" as const, locale, text: rawText(locale) };
  return [
    autointelWorkflow.buildResult({
      ...input,
      options: { url: "https://site.example/", depth: "quick" },
      outputs: autointelOutputs,
    }),
    exportWorkflow.buildResult({ ...input, options: exportOptions, outputs: exportOutputs }),
  ];
}

/** The English catalog's words for both kinds (their messages with no variables). */
function englishWords(): string[] {
  const t = rawText("en-US") as unknown as (key: MessageKey) => string;
  return keys
    .filter((key) => Object.keys(samples[key] ?? {}).length === 0)
    .filter((key) => !/\.option\.|\.choice\.|\.command\.|report\.openGraph/.test(key))
    .map((key) => t(key))
    .filter((text) => /^[A-Z][a-z]+ [a-z]/.test(text));
}

describe("results in the workflow's language", () => {
  it("write the summary, fields and findings in German and Japanese, with no English left", () => {
    const english = [...englishWords(), "pages crawled", "links checked", "of up to", "Exported"];
    expect(english.length).toBeGreaterThan(10);
    for (const locale of ["de", "ja"] as const) {
      const [autointel, exported] = results(locale);
      for (const result of [autointel, exported]) {
        const shown = [
          result?.summary,
          ...(result?.fields ?? []).flatMap((field) => [field.name, field.value]),
          ...(result?.findings ?? []).map((finding) => finding.title),
        ].join("\n");
        for (const word of english) expect(shown, `${locale}: "${word}"`).not.toContain(word);
      }
      const t = rawText(locale);
      expect(autointel?.fields?.map((field) => field.name)).toContain(t("autointel.field.words"));
      expect(autointel?.findings?.[0]?.title).toBe(t("autointel.finding.broken"));
      expect(autointel?.findings?.[0]?.items[0]?.detail).toBe(
        t("autointel.problem.http", { status: 404 }),
      );
      const refused = autointel?.findings?.find((f) => f.title === t("autointel.finding.refused"));
      expect(refused?.items[0]?.detail).toBe(
        t("common.url.specialAddress", { range: "private (10.0.0.0/8)" }),
      );
      expect(JSON.stringify(autointel?.data)).not.toContain("common.url");
      expect(autointel?.markdown).toContain(t("autointel.report.keyFigures"));
      expect(exported?.fields?.map((field) => field.name)).toContain(
        t("exporting.field.participants"),
      );
      expect(exported?.markdown).toContain(t("exporting.report.files"));
      expect(
        exported?.fields?.find((f) => f.name === t("exporting.field.skipped"))?.value,
      ).toContain(t("exporting.skipped.privateThreads"));
    }
    const [autointelDe, exportedDe] = results("de");
    expect(autointelDe?.summary).toContain("2 Links geprüft");
    expect(exportedDe?.summary).toContain("1.234 Nachrichten");
    const [, exportedJa] = results("ja");
    expect(exportedJa?.summary).toContain("1,234");
  });

  it("keep result.json's keys and machine values in English", () => {
    const [, exported] = results("ja");
    expect(exported?.data).toMatchObject({
      messages: 1234,
      skipped: ["threads_capped", "private_threads"],
    });
  });
});
