import { textRef } from "../../../i18n/text-ref.ts";
import type { StageDefinition } from "../../../workflow/definition.ts";
import type { AutointelOptions } from "../options.ts";
import { requiredOutput, SUMMARY_SKIPPED, type SummaryOutput } from "../outputs.ts";

/** The part of the Workers AI binding this stage uses. */
interface TextModel {
  run(
    model: string,
    input: { messages: { role: "system" | "user"; content: string }[]; max_tokens?: number },
  ): Promise<unknown>;
}

export const SUMMARY_MODEL = "@cf/meta/llama-3.1-8b-instruct";

function aiBinding(env: Env): TextModel | null {
  // No AI binding is configured in wrangler.toml; a deployment that adds one gets summaries.
  const candidate = (env as unknown as { AI?: unknown }).AI;
  return typeof candidate === "object" && candidate !== null && "run" in candidate
    ? (candidate as TextModel)
    : null;
}

/** Stage 6: a short prose summary by Workers AI, only when the binding exists. Never invented. */
export const summariseStage: StageDefinition<AutointelOptions> = {
  name: "summary",
  label: textRef("autointel.stage.summary"),
  async run(ctx): Promise<SummaryOutput> {
    const ai = aiBinding(ctx.env);
    if (!ai) return { skipped: SUMMARY_SKIPPED.noBinding };
    const page = requiredOutput(ctx.outputs, "extract");
    const crawl = requiredOutput(ctx.outputs, "crawl");
    const facts = [
      `Title: ${page.title ?? "(none)"}`,
      `Description: ${page.description ?? "(none)"}`,
      `Headings: ${page.headings
        .map((h) => h.text)
        .slice(0, 30)
        .join(" | ")}`,
      `Frequent terms: ${crawl.terms
        .slice(0, 15)
        .map(([term]) => term)
        .join(", ")}`,
      `Page titles on the site: ${crawl.pages
        .map((p) => p.title)
        .filter(Boolean)
        .slice(0, 20)
        .join(" | ")}`,
    ].join("\n");
    await ctx.progress(textRef("autointel.progress.summary"), 0);
    const answer = await ai.run(SUMMARY_MODEL, {
      max_tokens: 300,
      messages: [
        {
          role: "system",
          content:
            "Summarise what this website is about in at most three sentences, using only the facts given.",
        },
        { role: "user", content: facts },
      ],
    });
    const text = (answer as { response?: unknown }).response;
    if (typeof text !== "string" || text.trim() === "") {
      ctx.log.warn("autointel.summary_empty", { model: SUMMARY_MODEL });
      return { skipped: SUMMARY_SKIPPED.noText };
    }
    return { model: SUMMARY_MODEL, summary: text.trim().slice(0, 1500) };
  },
};
