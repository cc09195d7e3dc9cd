import { textRef } from "../../../i18n/text-ref.ts";
import type { StageDefinition } from "../../../workflow/definition.ts";
import { extractPage } from "../extract-page.ts";
import type { AutointelOptions } from "../options.ts";
import { requiredOutput } from "../outputs.ts";

/** Stage 3: read the page with HTMLRewriter. */
export const extractStage: StageDefinition<AutointelOptions> = {
  name: "extract",
  label: textRef("autointel.stage.extract"),
  async run(ctx) {
    const page = requiredOutput(ctx.outputs, "fetch");
    await ctx.progress(textRef("autointel.stage.extract"), 0);
    return extractPage(page.html, page.finalUrl);
  },
};
