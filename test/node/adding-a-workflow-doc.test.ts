import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/**
 * Code as Biome may reformat it inside Markdown (an excerpt loses its indentation, so lines
 * may join or split): whitespace runs and trailing commas do not count.
 */
const normalized = (code: string) =>
  code
    .replace(/,(\s*[)\]}])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();

describe("docs/adding-a-workflow.md", () => {
  it("shows the example kind that test/workflows/word-count.test.ts runs, unchanged", () => {
    const doc = read("docs/adding-a-workflow.md");
    const shown = doc.match(
      /Put it in `src\/workflows\/word-count\/definition.ts`:\n\n```ts\n([\s\S]*?)```/,
    );
    const tested = read("test/workflows/word-count/definition.ts").replaceAll(
      "../../../src/",
      "../../",
    );
    expect(shown?.[1]).toBe(tested);
  });

  it("quotes the /export kind's code as it is: each excerpt is in the file it names", () => {
    const doc = read("docs/adding-a-workflow.md");
    const excerpts = [...doc.matchAll(/From `([^`]+)`:\n\n```ts\n([\s\S]*?)```/g)];
    expect(excerpts.map((m) => m[1])).toEqual(
      expect.arrayContaining([
        "src/workflows/index.ts",
        "src/workflows/export/definition.ts",
        "src/workflows/export/stages/collect.ts",
        "src/workflows/export/stages/assemble.ts",
        "src/workflows/export/build-result.ts",
        "src/i18n/catalogs/en/exporting.ts",
      ]),
    );
    for (const [, path, code] of excerpts) {
      expect(normalized(read(path as string)), `the excerpt of ${path}`).toContain(
        normalized(code as string),
      );
    }
    // The whole definition is shown, not a part of it.
    const definition = excerpts.find((m) => m[1] === "src/workflows/export/definition.ts");
    expect(normalized(definition?.[2] ?? "")).toBe(
      normalized(read("src/workflows/export/definition.ts")),
    );
  });
});
