import type { FileAttachment } from "../discord/request.ts";
import { downloadLinkSettings, downloadUrl } from "../downloads/download-links.ts";
import { type DownloadLink, fitsAttachment } from "../results/result-message.ts";

/** A file a reply carries, and the R2 object that holds it (for a link when it is too large). */
export interface StoredFile {
  file: FileAttachment;
  key: string;
}

export type FittedFiles =
  | { ok: true; links: DownloadLink[] }
  /** Some files are too large and download links are off (no secret or public URL). */
  | { ok: false };

/**
 * Links for the files larger than `limit`, valid until `expiresAt` (as long as the file is
 * kept). The files within the limit are attached by the message builder itself.
 */
export async function linksForOversized(
  env: Env,
  files: StoredFile[],
  limit: number,
  expiresAt: number,
): Promise<FittedFiles> {
  const oversized = files.filter(({ file }) => !fitsAttachment(file, limit));
  if (oversized.length === 0) return { ok: true, links: [] };
  const settings = downloadLinkSettings(env);
  if (!settings) return { ok: false };
  const links = await Promise.all(
    oversized.map(async ({ file, key }) => ({
      name: file.name,
      url: await downloadUrl(settings, key, expiresAt),
      expiresAt,
    })),
  );
  return { ok: true, links };
}
