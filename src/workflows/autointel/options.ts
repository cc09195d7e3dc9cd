import { codeSpan } from "../../discord/render/safe-text.ts";
import { type TextRef, textRef } from "../../i18n/text-ref.ts";
import { trusted } from "../../i18n/translator.ts";
import { checkUrl } from "../../net/url-guard.ts";
import type { OptionsParseResult } from "../../workflow/definition.ts";
import { type Depth, isDepth } from "./depth.ts";

export type AutointelOptions = { url: string; depth: Depth };

export const MAX_URL_LENGTH = 2048;
export const DEFAULT_DEPTH: Depth = "standard";

const fail = (error: TextRef): OptionsParseResult<AutointelOptions> => ({ ok: false, error });

/** Validates the slash command's options; every refusal names what is wrong. */
export function parseAutointelOptions(
  raw: Readonly<Record<string, string | number | boolean>>,
): OptionsParseResult<AutointelOptions> {
  const input = raw.url;
  if (typeof input !== "string" || input.trim() === "")
    return fail(textRef("autointel.error.urlRequired"));
  const text = input.trim();
  if (text.length > MAX_URL_LENGTH)
    return fail(
      textRef("autointel.error.urlTooLong", { length: text.length, limit: MAX_URL_LENGTH }),
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(textRef("autointel.error.urlInvalid"));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return fail(
      textRef("autointel.error.urlScheme", { scheme: trusted(codeSpan(url.protocol, 20)) }),
    );
  // The loopback allowance depends on the deployment (env), which is not known here: stage 1
  // applies the full policy. Everything else unsafe is refused now, before anything starts.
  const verdict = checkUrl(url, { allowLoopback: true });
  if (!verdict.ok)
    return fail(
      textRef("autointel.error.urlUnsafe", {
        url: trusted(codeSpan(text, 200)),
        reason: verdict.refusal,
      }),
    );
  const depth = raw.depth ?? DEFAULT_DEPTH;
  if (!isDepth(depth)) return fail(textRef("autointel.error.depth"));
  url.hash = "";
  return { ok: true, options: { url: url.href, depth } };
}
