import { untranslated } from "../../../i18n/text-ref.ts";
import type { StageDefinition } from "../../../workflow/definition.ts";
import { extractPage } from "../extract-page.ts";
import type { AutointelOptions } from "../options.ts";
import { requiredOutput } from "../outputs.ts";

/** Stage 3: read the page with HTMLRewriter. */
export const extractStage: StageDefinition<AutointelOptions> = {
  name: "extract",
  label: untranslated("Reading the page"),
  async run(ctx) {
    const page = requiredOutput(ctx.outputs, "fetch");
    await ctx.progress(untranslated("Reading the page"), 0);
    return extractPage(page.html, page.finalUrl);
  },
};
