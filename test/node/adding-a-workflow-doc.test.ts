import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("docs/adding-a-workflow.md", () => {
  it("shows the example kind that test/workflows/word-count.test.ts runs, unchanged", () => {
    const doc = read("docs/adding-a-workflow.md");
    const shown = doc.match(
      /Put it in `src\/workflows\/word-count\/definition.ts`:\n\n```ts\n([\s\S]*?)```/,
    );
    const tested = read("test/workflows/word-count/definition.ts").replace(
      "../../../src/workflow/definition.ts",
      "../../workflow/definition.ts",
    );
    expect(shown?.[1]).toBe(tested);
  });
});
