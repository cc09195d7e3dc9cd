import { textRef } from "../../../i18n/text-ref.ts";
import { reserveSiteSlot } from "../../../sites/site-slots.ts";
import {
  continueLater,
  type StageDefinition,
  StageFatalError,
} from "../../../workflow/definition.ts";
import { autointelConfig } from "../config.ts";
import { describeFailure, failureText, fetchDocument, isHtmlType } from "../fetch-document.ts";
import { withHeartbeat } from "../heartbeat.ts";
import type { AutointelOptions } from "../options.ts";
import { type FetchOutput, requiredOutput } from "../outputs.ts";
import { MAX_INLINE_WAIT_MS, sleep } from "../pacing.ts";

/** Network failures and 5xx answers are retried by the queue this many times, then given up. */
const TRANSIENT_ATTEMPTS = 3;

/** Stage 2: fetch the page itself; every redirect hop is checked by the guard. */
export const fetchStage: StageDefinition<AutointelOptions> = {
  name: "fetch",
  label: textRef("autointel.stage.fetch"),
  async run(ctx) {
    const { url } = requiredOutput(ctx.outputs, "resolve");
    // The site's budget, shared with every workflow reading this site.
    const slot = await reserveSiteSlot(ctx.env, url, 0, MAX_INLINE_WAIT_MS);
    if (slot.kind === "busy") return continueLater(null, slot.retryAfterMs);
    const fetching = textRef("autointel.progress.fetching", { url: url.slice(0, 150) });
    const result = await withHeartbeat(ctx, fetching, 0, async () => {
      await sleep(slot.waitMs, ctx.signal);
      return fetchDocument(url, {
        config: autointelConfig(ctx.env),
        signal: ctx.signal,
        accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        wants: isHtmlType,
      });
    });
    if (result.kind === "document") {
      return {
        requestedUrl: url,
        finalUrl: result.finalUrl,
        status: result.status,
        contentType: result.contentType,
        bytes: result.bytes,
        elapsedMs: result.elapsedMs,
        fetchedAt: Date.now(),
        redirects: result.redirects,
        html: result.text,
      } satisfies FetchOutput;
    }
    const problem = `The page ${describeFailure(result)}.`;
    const transient =
      result.kind === "failed" || (result.kind === "http_error" && result.status >= 500);
    ctx.log.warn("autointel.fetch_failed", { kind: result.kind, attempt: ctx.attempt, transient });
    if (result.kind === "aborted" || (transient && ctx.attempt < TRANSIENT_ATTEMPTS))
      throw new Error(problem); // retried by the queue
    throw new StageFatalError(problem, failureText(result));
  },
};
