import { rawText } from "../discord/render/localized-text.ts";
import {
  checkDownloadLink,
  downloadLinkSettings,
  keyFromPath,
} from "../downloads/download-links.ts";
import type { MessageKey } from "../i18n/catalog-types.ts";
import { localeFromAcceptLanguage } from "../i18n/locales.ts";
import { createLogger } from "../log.ts";
import type { LinkCheck } from "../secrets/link-signature.ts";
import { jsonError } from "./responses.ts";

// GET /files/<key>?sig=…: the R2 object, as a download. Refusals are JSON with a status and a
// sentence, in the browser's language (a Discord user clicked the link); the log line says why,
// never with the link's signature.

type RefusalKey = MessageKey & `results.download.${string}`;

const REFUSED: Record<Exclude<LinkCheck, "ok">, { status: number; message: RefusalKey }> = {
  missing: { status: 403, message: "results.download.missing" },
  malformed: { status: 403, message: "results.download.malformed" },
  invalid: { status: 403, message: "results.download.invalid" },
  expired: { status: 410, message: "results.download.expired" },
};

function refusal(request: Request, status: number, key: RefusalKey): Response {
  const t = rawText(localeFromAcceptLanguage(request.headers.get("accept-language")));
  return jsonError(status, t(key));
}

function fileName(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1);
}

export async function handleDownload(request: Request, env: Env): Promise<Response> {
  const log = createLogger({ component: "downloads" });
  const settings = downloadLinkSettings(env);
  if (!settings) return refusal(request, 404, "results.download.disabled");
  const url = new URL(request.url);
  const key = keyFromPath(url.pathname);
  const check = key
    ? await checkDownloadLink(settings, key, url.searchParams.get("sig"), Date.now())
    : "invalid";
  if (check !== "ok" || !key) {
    const refused = REFUSED[check === "ok" ? "invalid" : check];
    log.info("download.refused", { reason: check });
    return refusal(request, refused.status, refused.message);
  }
  const object = await env.RESULTS.get(key);
  if (!object) {
    log.info("download.gone", { key });
    return refusal(request, 404, "results.download.gone");
  }
  log.info("download.served", { key, bytes: object.size });
  return new Response(object.body, {
    headers: {
      "content-type": object.httpMetadata?.contentType ?? "application/octet-stream",
      "content-length": String(object.size),
      // A download, never a page: the file's text comes from elsewhere (crawled pages).
      "content-disposition": `attachment; filename="${fileName(key)}"`,
      "content-security-policy": "sandbox",
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    },
  });
}
