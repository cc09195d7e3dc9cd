import { discordText, rawText } from "../discord/render/localized-text.ts";
import { codeSpan } from "../discord/render/safe-text.ts";
import type { Locale } from "../i18n/locales.ts";
import { trusted } from "../i18n/translator.ts";
import type { ResultIndexRow } from "./result-index.ts";
import { statusText } from "./status-text.ts";

// The asker's list of their stored results (/retrieve_results without an id) and its
// autocomplete, in the asker's language: the rows are read from the index, whatever language
// each workflow spoke.

const AUTOCOMPLETE_NAME_MAX = 100;

/** The ephemeral answer listing `rows` (newest first), or saying there are none. */
export function recentResultsText(rows: readonly ResultIndexRow[], locale: Locale): string {
  const t = discordText(locale);
  if (rows.length === 0) return t("results.list.none");
  const lines = rows.map((row) =>
    t("results.list.line", {
      id: trusted(codeSpan(row.workflow_id, 100)),
      command: row.command,
      input: trusted(codeSpan(row.input, 80)),
      status: statusText(t, row.status),
      createdAt: row.created_at,
      delivered: row.delivered_at !== null,
    }),
  );
  const fetchOne = t("results.list.fetchOne", {
    command: trusted(codeSpan("/retrieve_results workflow_id:<id>", 100)),
  });
  return [t("results.list.heading"), ...lines, "", fetchOne].join("\n");
}

/**
 * One autocomplete choice's name: plain text (Discord shows it as it is), at most 100 characters.
 * The date stays in ISO form, short and the same in every language.
 */
export function resultChoiceName(row: ResultIndexRow, locale: Locale): string {
  const when = new Date(row.created_at).toISOString().slice(0, 16).replace("T", " ");
  const status = statusText(rawText(locale), row.status);
  const text = `${row.command} · ${row.input} · ${when} · ${status}`;
  return text.length > AUTOCOMPLETE_NAME_MAX
    ? `${text.slice(0, AUTOCOMPLETE_NAME_MAX - 1)}…`
    : text;
}
