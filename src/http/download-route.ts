import {
  checkDownloadLink,
  downloadLinkSettings,
  keyFromPath,
} from "../downloads/download-links.ts";
import { createLogger } from "../log.ts";
import type { LinkCheck } from "../secrets/link-signature.ts";
import { jsonError } from "./responses.ts";

// GET /files/<key>?sig=…: the R2 object, as a download. Refusals are JSON with a status and a
// sentence; the log line says why, never with the link's signature.

const REFUSED: Record<Exclude<LinkCheck, "ok">, { status: number; message: string }> = {
  missing: { status: 403, message: "This download link has no signature." },
  malformed: { status: 403, message: "This download link's signature is damaged." },
  invalid: { status: 403, message: "This download link is not valid (it was changed)." },
  expired: {
    status: 410,
    message: "This download link has expired: the file is kept no longer than the link.",
  },
};

function fileName(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1);
}

export async function handleDownload(request: Request, env: Env): Promise<Response> {
  const log = createLogger({ component: "downloads" });
  const settings = downloadLinkSettings(env);
  if (!settings) return jsonError(404, "Download links are not enabled on this bot.");
  const url = new URL(request.url);
  const key = keyFromPath(url.pathname);
  const check = key
    ? await checkDownloadLink(settings, key, url.searchParams.get("sig"), Date.now())
    : "invalid";
  if (check !== "ok" || !key) {
    const refused = REFUSED[check === "ok" ? "invalid" : check];
    log.info("download.refused", { reason: check });
    return jsonError(refused.status, refused.message);
  }
  const object = await env.RESULTS.get(key);
  if (!object) {
    log.info("download.gone", { key });
    return jsonError(404, "This file is no longer stored.");
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
