// A stage that fails for good says why in the workflow's language when the kind says it as a
// catalog message (StageFatalError's `shown`), named by the stage's label, not its code name.
import "../../src/workflows/index.ts";
import { describe, expect, it } from "vitest";
import { rawText } from "../../src/discord/render/localized-text.ts";
import { renderText, textRef } from "../../src/i18n/text-ref.ts";
import { StageFatalError } from "../../src/workflow/definition.ts";
import { failureText } from "../../src/workflows/autointel/fetch-document.ts";
import { startInLocale } from "../helpers/localized-start.ts";
import { waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const failing = defineTestWorkflow("localized_failure_flow", [{}]);
const stage = failing.definition.stages[0];
if (!stage) throw new Error("the test kind has a stage");
const planned = stage.run;
stage.run = async (ctx, state) => {
  await planned(ctx, state);
  throw new StageFatalError(
    "The page answered HTTP 404.",
    textRef("autointel.pageProblem.httpError", { status: 404 }),
  );
};

describe("a stage's fatal failure", () => {
  it("is told in the workflow's language when the kind gives it as a catalog message", async () => {
    const started = await startInLocale(failing, { locale: "en-US", guildLocale: "de" });
    const done = await waitForWorkflow(started.workflowId, (s) => s.status === "failed");
    const german = rawText("de");
    expect(done.error).toContain(german("autointel.pageProblem.httpError", { status: 404 }));
    expect(done.error).toContain(renderText(german, stage.label));
    expect(done.error).not.toContain("The page answered");
  });

  it("says why the start page failed in each language, the refusal's reason included", () => {
    const refused = {
      kind: "refused" as const,
      url: "http://10.0.0.1/",
      reason: "the host is a private (10.0.0.0/8) address",
      refusal: textRef("common.url.specialAddress", { range: "private (10.0.0.0/8)" }),
      redirects: [],
    };
    expect(renderText(rawText("ja"), failureText(refused))).toBe(
      "このページは取得しません：ホストが公開インターネット上にない特殊用途のアドレスです（private (10.0.0.0/8)）。",
    );
    const pdf = {
      kind: "unwanted_type" as const,
      contentType: null,
      finalUrl: "https://example.com/a.pdf",
      status: 200,
      redirects: [],
      elapsedMs: 5,
    };
    expect(renderText(rawText("fr"), failureText(pdf))).toBe(
      "La page n’est pas une page HTML (aucun type de contenu).",
    );
  });
});
