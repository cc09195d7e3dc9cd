import type { APIEmbed, APIEmbedField } from "discord-api-types/v10";
import { onlyUsers } from "../discord/allowed-mentions.ts";
import type { WebhookMessage } from "../discord/client.ts";
import { discordText, rawText } from "../discord/render/localized-text.ts";
import { truncateMessage } from "../discord/render/message-builder.ts";
import { embedTextLength, MessageLimits } from "../discord/render/message-limits.ts";
import { codeSpan, plainText } from "../discord/render/safe-text.ts";
import type { FileAttachment } from "../discord/request.ts";
import type { Locale } from "../i18n/locales.ts";
import { type Translate, trusted } from "../i18n/translator.ts";
import type { ResultFinding, WorkflowResult } from "../workflow/definition.ts";
import { fileListAttachment, type ListedFile } from "./file-list.ts";
import { type DownloadLink, filesNote } from "./files-note.ts";
import { NO_ACTIONS, type ResultActions, resultButtons } from "./result-actions.ts";
import type { StoredResultMeta } from "./result-store.ts";
import { titleKeyOf } from "./status-text.ts";

// The final message is an embed: a status title, what was analysed and the one-line summary,
// the key figures as inline fields, the findings that matter as fields of their own, and the
// full report as files. Embeds (not Components V2) because the ladder edits messages that
// began as plain progress text (the deferred reply, the handoff message), and the V2 flag can
// be set only when a message is created; embeds work the same on every rung.

/** Discord's default per-file upload limit. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Every interaction carries `attachment_size_limit`; Discord's default when it does not. */
export function attachmentSizeLimitOf(interaction: object): number {
  const limit = (interaction as { attachment_size_limit?: unknown }).attachment_size_limit;
  return typeof limit === "number" && Number.isFinite(limit) && limit >= 0
    ? limit
    : MAX_ATTACHMENT_BYTES;
}

type Status = StoredResultMeta["status"];

const COLOR: Record<Status, number> = {
  completed: 0x2ecc71,
  failed: 0xe74c3c,
  cancelled: 0x95a5a6,
  timed_out: 0xf39c12,
};

// Each shown finding is one line: the subject, why, and where it was found.
const FINDING_ITEMS = 5;
const FIGURE_FIELDS = 12;
// Room left for the title and footer within Discord's 6000 characters of embed text.
const EMBED_BUDGET = MessageLimits.embedTotal - 400;

function byteLength(data: string | Uint8Array): number {
  return typeof data === "string" ? new TextEncoder().encode(data).byteLength : data.byteLength;
}

export function fitsAttachment(file: FileAttachment, limit: number): boolean {
  return byteLength(file.data) <= limit;
}

/** The files a result message carries: report.md to read, result.json for the raw data. */
export function resultFiles(meta: StoredResultMeta, result: WorkflowResult): FileAttachment[] {
  const json = JSON.stringify({ ...meta, summary: result.summary, data: result.data }, null, 2);
  return [
    { name: "report.md", data: result.markdown, contentType: "text/markdown" },
    { name: "result.json", data: json, contentType: "application/json" },
  ];
}

/** What the user can do about a result that did not finish; null when it did. */
function nextSteps(t: Translate, status: Status, actions: ResultActions): string | null {
  const steps = { retry: actions.retry, runAgain: actions.runAgain, lighter: actions.lighterLabel };
  if (status === "failed") return t("results.next.failed", steps);
  if (status === "timed_out") return t("results.next.timedOut", steps);
  if (status === "cancelled") return t("results.next.cancelled", { runAgain: actions.runAgain });
  return null;
}

function describe(
  t: Translate,
  meta: StoredResultMeta,
  result: WorkflowResult,
  actions: ResultActions,
  filesNote: string,
): string {
  const lines = [codeSpan(meta.input, 300), "", plainText(result.summary, 600)];
  if (meta.error && !result.summary.includes(meta.error))
    lines.push(`⚠️ ${plainText(meta.error, 400)}`);
  const next = nextSteps(t, meta.status, actions);
  if (next) lines.push("", next);
  lines.push("", filesNote);
  return lines.join("\n");
}

function findingLine(t: Translate, item: ResultFinding["items"][number]): string {
  const detail = item.detail ? ` — ${plainText(item.detail, 100)}` : "";
  const where = item.foundOn
    ? ` · ${t("results.finding.foundOn", { where: trusted(codeSpan(item.foundOn, 80)) })}`
    : "";
  return `• ${codeSpan(item.subject, 120)}${detail}${where}`;
}

/** A finding as one field: as many lines as fit in 1024, then how many more the report has. */
function findingField(t: Translate, finding: ResultFinding): APIEmbedField {
  const lines: string[] = [];
  let used = 0;
  for (const item of finding.items.slice(0, FINDING_ITEMS)) {
    const line = findingLine(t, item);
    if (used + line.length + 1 > MessageLimits.fieldValue - 60) break;
    lines.push(line);
    used += line.length + 1;
  }
  const more = finding.total - lines.length;
  if (more > 0) lines.push(t("results.finding.more", { count: more }));
  return {
    name: t("results.finding.name", {
      title: trusted(plainText(finding.title, 100)),
      total: finding.total,
    }),
    value: lines.join("\n") || "–",
  };
}

const length = (field: APIEmbedField) => field.name.length + field.value.length;

/** Findings first (they matter most), then as many figures as the remaining room allows. */
function fields(t: Translate, result: WorkflowResult, room: number): APIEmbedField[] {
  const findings: APIEmbedField[] = [];
  let used = 0;
  const shownFindings = (result.findings ?? []).filter((f) => f.total > 0);
  for (const field of shownFindings.map((finding) => findingField(t, finding))) {
    if (used + length(field) > room) break;
    findings.push(field);
    used += length(field);
  }
  const figures: APIEmbedField[] = [];
  for (const field of (result.fields ?? []).slice(0, FIGURE_FIELDS)) {
    const shown = {
      name: plainText(field.name, 60) || "–",
      value: plainText(field.value, 150) || "–",
      inline: true,
    };
    if (used + length(shown) > room) break;
    figures.push(shown);
    used += length(shown);
  }
  return [...figures, ...findings];
}

export interface ResultMessageOptions {
  /**
   * The language of the message: the workflow's public one where others see it, the user's in a
   * DM, the asker's in /retrieve_results.
   */
  locale: Locale;
  /**
   * The result's stage-written files, fitted (file-links.ts fitResultFiles): attached ones go
   * out with the message, linked ones join `links`, and past the shown ones `listing` becomes
   * files.md in the message's language.
   */
  stageFiles?: {
    attached: FileAttachment[];
    links: DownloadLink[];
    unavailable: string[];
    listed: number;
    listing: ListedFile[];
  };
  maxAttachmentBytes?: number;
  /**
   * Links for the files larger than `maxAttachmentBytes`: the others are attached. Without
   * links, one file too large leaves both out and points to /retrieve_results.
   */
  links?: DownloadLink[];
  /** Files too large and download links off: say so (default: point to /retrieve_results). */
  noDownloadLinks?: boolean;
  /** Ping the owner: the result lands outside the reply they are looking at. */
  mention?: boolean;
  actions?: ResultActions;
}

/**
 * The final message, the same on every rung and in /retrieve_results: an embed within
 * Discord's limits, report.md and result.json attached (or, when too large, a pointer to
 * /retrieve_results), and the Run again buttons. Never a body Discord would reject.
 */
export function resultMessage(
  meta: StoredResultMeta,
  title: string,
  result: WorkflowResult,
  options: ResultMessageOptions,
): WebhookMessage {
  const t = discordText(options.locale);
  const raw = rawText(options.locale);
  const actions = options.actions ?? NO_ACTIONS;
  const limit = options.maxAttachmentBytes ?? MAX_ATTACHMENT_BYTES;
  const reportLinks = options.links ?? [];
  const stageFiles = options.stageFiles;
  const files = resultFiles(meta, result);
  const fitting = files.filter((file) => fitsAttachment(file, limit));
  const reportAttached =
    reportLinks.length > 0 || fitting.length === files.length
      ? fitting.filter((file) => !reportLinks.some((link) => link.name === file.name))
      : [];
  const listing = stageFiles?.listing.length
    ? [fileListAttachment(stageFiles.listing, options.locale)]
    : [];
  const stageAttached = [...(stageFiles?.attached ?? []), ...listing];
  const attached = [...stageAttached, ...reportAttached];
  const links = [...(stageFiles?.links ?? []), ...reportLinks];
  const head: APIEmbed = {
    title: raw(titleKeyOf(meta.status), { title }),
    color: COLOR[meta.status],
    description: describe(
      t,
      meta,
      result,
      actions,
      filesNote(t, meta.workflowId, reportAttached, links, {
        limit,
        ...(options.noDownloadLinks ? { noDownloadLinks: true } : {}),
        ...(stageFiles && {
          stageFiles: {
            attached: stageAttached.map((file) => file.name),
            unavailable: stageFiles.unavailable,
            listed: stageFiles.listed,
          },
        }),
      }),
    ),
    footer: { text: raw("results.footer", { workflowId: meta.workflowId }) },
  };
  const embed = { ...head, fields: fields(t, result, EMBED_BUDGET - embedTextLength(head)) };
  const parts = truncateMessage({
    content: options.mention ? `<@${meta.userId}>` : "",
    embeds: [embed],
  });
  return {
    ...parts,
    components: resultButtons(meta.workflowId, actions, options.locale),
    allowed_mentions: onlyUsers(options.mention ? [meta.userId] : []),
    ...(attached.length > 0 ? { files: attached } : {}),
  };
}
