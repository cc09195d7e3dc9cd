import type { FileAttachment } from "../discord/request.ts";
import { downloadLinkSettings, downloadUrl } from "../downloads/download-links.ts";
import type { ListedFile } from "../results/file-list.ts";
import type { DownloadLink } from "../results/files-note.ts";
import { fitsAttachment } from "../results/result-message.ts";
import { resultFileKey } from "../results/result-store.ts";
import type { ResultFile } from "../workflow/definition.ts";

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

/**
 * Stage files a result message shows, attached or linked: Discord takes 10 files per message, and
 * report.md, result.json and files.md take three.
 */
export const SHOWN_RESULT_FILES = 7;

/** The stage-written files of a result: loaded to attach when they fit, linked otherwise. */
export interface FittedResultFiles {
  attached: FileAttachment[];
  links: DownloadLink[];
  /** Too large to attach, and download links are off (or the file is gone). */
  unavailable: string[];
  /** Files beyond the shown ones: listed, with links, in the attached files.md. */
  listed: number;
  /**
   * Every file, for files.md (result-message.ts writes it in the message's language), when there
   * are more than SHOWN_RESULT_FILES; empty otherwise.
   */
  listing: ListedFile[];
}

/**
 * Sizes come from R2's head, so a file too large to attach is never read into memory; one that
 * fits is read to be attached, while the attached ones together stay within `limit`. Files past
 * the first SHOWN_RESULT_FILES are listed with their links in files.md instead.
 */
export async function fitResultFiles(
  env: Env,
  workflowId: string,
  files: readonly ResultFile[],
  limit: number,
  expiresAt: number,
): Promise<FittedResultFiles> {
  const fitted: FittedResultFiles = {
    attached: [],
    links: [],
    unavailable: [],
    listed: 0,
    listing: [],
  };
  const settings = downloadLinkSettings(env);
  const linkOf = (name: string) =>
    settings ? downloadUrl(settings, resultFileKey(workflowId, name), expiresAt) : null;
  let attachedBytes = 0;
  for (const file of files.slice(0, SHOWN_RESULT_FILES)) {
    const key = resultFileKey(workflowId, file.name);
    const head = await env.RESULTS.head(key);
    if (head && attachedBytes + head.size <= limit) {
      const object = await env.RESULTS.get(key);
      if (object) {
        const data = new Uint8Array(await object.arrayBuffer());
        fitted.attached.push({ name: file.name, data, contentType: file.contentType });
        attachedBytes += head.size;
        continue;
      }
    }
    const url = head ? await linkOf(file.name) : null;
    if (url) fitted.links.push({ name: file.name, url, expiresAt });
    else fitted.unavailable.push(file.name);
  }
  if (files.length > SHOWN_RESULT_FILES) {
    for (const file of files)
      fitted.listing.push({ name: file.name, bytes: file.bytes, url: await linkOf(file.name) });
    fitted.listed = files.length - SHOWN_RESULT_FILES;
  }
  return fitted;
}
