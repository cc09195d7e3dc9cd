import { codeSpan, plainText } from "../../discord/render/safe-text.ts";
import { untranslated } from "../../i18n/text-ref.ts";
import { checkUrl } from "../../net/url-guard.ts";
import type { OptionsParseResult } from "../../workflow/definition.ts";
import { DEPTHS, type Depth, isDepth } from "./depth.ts";

export type AutointelOptions = { url: string; depth: Depth };

export const MAX_URL_LENGTH = 2048;
export const DEFAULT_DEPTH: Depth = "standard";

const fail = (error: string): OptionsParseResult<AutointelOptions> => ({
  ok: false,
  error: untranslated(error),
});

/** Validates the slash command's options; every refusal names what is wrong. */
export function parseAutointelOptions(
  raw: Readonly<Record<string, string | number | boolean>>,
): OptionsParseResult<AutointelOptions> {
  const input = raw.url;
  if (typeof input !== "string" || input.trim() === "")
    return fail("`url` is required, e.g. `https://example.com/`.");
  const text = input.trim();
  if (text.length > MAX_URL_LENGTH)
    return fail(`\`url\` is ${text.length} characters long; the limit is ${MAX_URL_LENGTH}.`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(
      "`url` is not a valid web address; include the scheme, e.g. `https://example.com/`.",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return fail(`\`url\` must start with http:// or https:// (got ${codeSpan(url.protocol, 20)}).`);
  // The loopback allowance depends on the deployment (env), which is not known here: stage 1
  // applies the full policy. Everything else unsafe is refused now, before anything starts.
  const verdict = checkUrl(url, { allowLoopback: true });
  if (!verdict.ok)
    return fail(`I won't analyse ${codeSpan(text, 200)}: ${plainText(verdict.reason, 300)}.`);
  const depth = raw.depth ?? DEFAULT_DEPTH;
  if (!isDepth(depth)) return fail(`\`depth\` must be one of ${DEPTHS.join(", ")}.`);
  url.hash = "";
  return { ok: true, options: { url: url.href, depth } };
}
