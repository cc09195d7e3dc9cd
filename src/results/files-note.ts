import { codeSpan, plainText } from "../discord/render/safe-text.ts";
import type { FileAttachment } from "../discord/request.ts";
import { type Translate, trusted } from "../i18n/translator.ts";

// What a result message's description says about its files: report.md and result.json attached,
// linked or left out, and the stage-written files (attached, linked, unavailable, listed).

/** A file replaced by a signed link because it is larger than the reply may carry. */
export interface DownloadLink {
  name: string;
  url: string;
  expiresAt: number;
}

/** What became of the stage-written files (names only: the bytes travel as `files`). */
export interface StageFilesNote {
  attached: string[];
  unavailable: string[];
  /** Files listed only in the attached list of all files (files.md). */
  listed: number;
}

export interface FilesNoteOptions {
  limit: number;
  /** Files too large and no links: say that links are not set up (instead of /retrieve_results). */
  noDownloadLinks?: boolean;
  stageFiles?: StageFilesNote;
}

export function retrieveHint(workflowId: string): string {
  return codeSpan(`/retrieve_results workflow_id:${workflowId}`, 200);
}

/** Our own file names (report.md, thread-1.json) as they are; any other name escaped. */
function shownName(name: string): ReturnType<typeof trusted> {
  return trusted(/^[\w.-]+$/.test(name) ? name : plainText(name, 100));
}

function reportNote(
  t: Translate,
  workflowId: string,
  attached: FileAttachment[],
  links: DownloadLink[],
  options: FilesNoteOptions,
): string {
  if (links.length === 0) {
    if (attached.length > 0) return t("results.files.reportAttached");
    return options.noDownloadLinks
      ? t("results.files.reportNoLinks")
      : t("results.files.reportTooLarge", { command: trusted(retrieveHint(workflowId)) });
  }
  const lines = attached.map((file) => t("results.files.attached", { name: shownName(file.name) }));
  for (const link of links) {
    lines.push(
      t("results.files.linked", {
        name: shownName(link.name),
        limit: options.limit,
        url: trusted(link.url),
        expiresAt: link.expiresAt,
      }),
    );
  }
  return lines.join("\n");
}

/** `t` escapes for Discord (discordText): every name passes as trusted once made safe here. */
export function filesNote(
  t: Translate,
  workflowId: string,
  reportAttached: FileAttachment[],
  links: DownloadLink[],
  options: FilesNoteOptions,
): string {
  const stage = options.stageFiles;
  const stageLines = [
    ...(stage?.attached ?? []).map((name) =>
      t("results.files.attached", { name: shownName(name) }),
    ),
    ...(stage?.unavailable ?? []).map((name) =>
      t("results.files.unavailable", { name: shownName(name), limit: options.limit }),
    ),
    ...(stage && stage.listed > 0 ? [t("results.files.listed", { count: stage.listed })] : []),
  ];
  return [...stageLines, reportNote(t, workflowId, reportAttached, links, options)].join("\n");
}
