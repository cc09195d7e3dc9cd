import { textRef } from "../../../i18n/text-ref.ts";
import { checkUrl } from "../../../net/url-guard.ts";
import { type StageDefinition, StageFatalError } from "../../../workflow/definition.ts";
import { autointelConfig } from "../config.ts";
import type { AutointelOptions } from "../options.ts";
import type { ResolveOutput } from "../outputs.ts";

/** Stage 1: normalise the address and apply the full SSRF policy of this deployment. */
export const resolveStage: StageDefinition<AutointelOptions> = {
  name: "resolve",
  label: textRef("autointel.stage.resolve"),
  async run(ctx) {
    const verdict = checkUrl(ctx.options.url, autointelConfig(ctx.env).policy);
    if (!verdict.ok)
      throw new StageFatalError(`I won't fetch ${ctx.options.url}: ${verdict.reason}.`);
    verdict.url.hash = "";
    ctx.log.info("autointel.resolved", { host: verdict.url.host, depth: ctx.options.depth });
    return { url: verdict.url.href, origin: verdict.url.origin } satisfies ResolveOutput;
  },
};
