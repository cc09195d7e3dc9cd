import { rawText } from "../discord/render/localized-text.ts";
import type { FileAttachment } from "../discord/request.ts";
import type { Locale } from "../i18n/locales.ts";

/** The attached list of all of a result's files, when there are more than a message shows. */
export const FILE_LIST_NAME = "files.md";

/** One stage-written file as files.md lists it: its link, or null when links are off. */
export interface ListedFile {
  name: string;
  bytes: number;
  url: string | null;
}

/** files.md in the language of the message it is attached to. */
export function fileListAttachment(files: readonly ListedFile[], locale: Locale): FileAttachment {
  const t = rawText(locale);
  const lines = files.map((file) =>
    file.url
      ? t("results.fileList.linked", { name: file.name, url: file.url, size: file.bytes })
      : t("results.fileList.unlinked", { name: file.name, size: file.bytes }),
  );
  return {
    name: FILE_LIST_NAME,
    data: [t("results.fileList.heading"), "", ...lines, ""].join("\n"),
    contentType: "text/markdown",
  };
}
