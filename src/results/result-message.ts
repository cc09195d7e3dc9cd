import type { APIEmbed, APIEmbedField } from "discord-api-types/v10";
import { onlyUsers } from "../discord/allowed-mentions.ts";
import type { WebhookMessage } from "../discord/client.ts";
import { truncateMessage } from "../discord/render/message-builder.ts";
import { embedTextLength, MessageLimits } from "../discord/render/message-limits.ts";
import { codeSpan, plainText } from "../discord/render/safe-text.ts";
import type { FileAttachment } from "../discord/request.ts";
import type { ResultFinding, WorkflowResult } from "../workflow/definition.ts";
import { NO_ACTIONS, type ResultActions, resultButtons } from "./result-actions.ts";
import type { StoredResultMeta } from "./result-store.ts";

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

const STATUS: Record<Status, { emoji: string; word: string; color: number }> = {
  completed: { emoji: "✅", word: "finished", color: 0x2ecc71 },
  failed: { emoji: "❌", word: "failed", color: 0xe74c3c },
  cancelled: { emoji: "🛑", word: "was cancelled", color: 0x95a5a6 },
  timed_out: { emoji: "⌛", word: "timed out", color: 0xf39c12 },
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

export function retrieveHint(workflowId: string): string {
  return `\`/retrieve_results workflow_id:${workflowId}\``;
}

/** What the user can do about a result that did not finish; null when it did. */
function nextSteps(status: Status, actions: ResultActions): string | null {
  const again = actions.runAgain ? "press **Run again**" : "run the command again";
  const lighter = actions.lighterLabel ? ` or **${actions.lighterLabel}** for a lighter run` : "";
  const retry = actions.retry ? "press **Retry** to continue after the last completed stage, " : "";
  if (status === "failed")
    return `${retry}${again}${lighter}. If it fails the same way, the attached report says where it stopped.`;
  if (status === "timed_out")
    return `what finished is attached. ${retry}${actions.lighterLabel ? `try **${actions.lighterLabel}**` : "try a smaller job"}, or ${again}.`;
  if (status === "cancelled") return `${again} to start over.`;
  return null;
}

function describe(
  meta: StoredResultMeta,
  result: WorkflowResult,
  actions: ResultActions,
  filesNote: string,
): string {
  const lines = [codeSpan(meta.input, 300), "", plainText(result.summary, 600)];
  if (meta.error && !result.summary.includes(meta.error))
    lines.push(`⚠️ ${plainText(meta.error, 400)}`);
  const next = nextSteps(meta.status, actions);
  if (next) lines.push("", `**What next:** ${next}`);
  lines.push("", filesNote);
  return lines.join("\n");
}

/** A file replaced by a signed link because it is larger than the reply may carry. */
export interface DownloadLink {
  name: string;
  url: string;
  expiresAt: number;
}

function fileSize(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number(mib.toFixed(1))} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** What the description says about report.md and result.json: attached, linked or left out. */
function filesNote(
  meta: StoredResultMeta,
  attached: FileAttachment[],
  links: DownloadLink[],
  options: { limit: number; tooLargeText?: string; stageFiles?: StageFilesNote },
): string {
  const stage = options.stageFiles;
  const stageLines = [
    ...(stage?.attached ?? []).map((name) => `📎 **${plainText(name, 100)}** is attached.`),
    ...(stage?.unavailable ?? []).map(
      (name) =>
        `⚠️ **${plainText(name, 100)}** is larger than files here may be (${fileSize(options.limit)}) and this bot has no download links set up.`,
    ),
    ...(stage && stage.listed > 0
      ? [`🗂️ ${stage.listed} more files: **files.md** lists every file with its link.`]
      : []),
  ];
  return [...stageLines, reportNote(meta, attached, links, options)].join("\n");
}

function reportNote(
  meta: StoredResultMeta,
  attached: FileAttachment[],
  links: DownloadLink[],
  options: { limit: number; tooLargeText?: string },
): string {
  if (links.length === 0) {
    return attached.length > 0
      ? "📎 The full report is attached: **report.md** to read, **result.json** for the raw data."
      : (options.tooLargeText ??
          `The full report is too large to attach here; fetch it with ${retrieveHint(meta.workflowId)}.`);
  }
  const lines = attached.map((file) => `📎 **${file.name}** is attached.`);
  for (const link of links) {
    lines.push(
      `📥 **${link.name}** is larger than files here may be (${fileSize(options.limit)}): [download it](${link.url}) (link valid until <t:${Math.floor(link.expiresAt / 1000)}:f>).`,
    );
  }
  return lines.join("\n");
}

function findingLine(item: ResultFinding["items"][number]): string {
  const detail = item.detail ? ` — ${plainText(item.detail, 100)}` : "";
  const where = item.foundOn ? ` · on ${codeSpan(item.foundOn, 80)}` : "";
  return `• ${codeSpan(item.subject, 120)}${detail}${where}`;
}

/** A finding as one field: as many lines as fit in 1024, then how many more the report has. */
function findingField(finding: ResultFinding): APIEmbedField {
  const lines: string[] = [];
  let used = 0;
  for (const item of finding.items.slice(0, FINDING_ITEMS)) {
    const line = findingLine(item);
    if (used + line.length + 1 > MessageLimits.fieldValue - 60) break;
    lines.push(line);
    used += line.length + 1;
  }
  const more = finding.total - lines.length;
  if (more > 0) lines.push(`…and ${more} more in report.md`);
  return {
    name: `${plainText(finding.title, 100)} (${finding.total})`,
    value: lines.join("\n") || "–",
  };
}

const length = (field: APIEmbedField) => field.name.length + field.value.length;

/** Findings first (they matter most), then as many figures as the remaining room allows. */
function fields(result: WorkflowResult, room: number): APIEmbedField[] {
  const findings: APIEmbedField[] = [];
  let used = 0;
  for (const field of (result.findings ?? []).filter((f) => f.total > 0).map(findingField)) {
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

/** What became of the stage-written files (names only: the bytes travel as `files`). */
interface StageFilesNote {
  attached: string[];
  unavailable: string[];
  /** Files listed only in the attached list of all files (files.md). */
  listed: number;
}

export interface ResultMessageOptions {
  /**
   * The result's stage-written files, fitted (file-links.ts fitResultFiles): attached ones go
   * out with the message, linked ones join `links`.
   */
  stageFiles?: {
    attached: FileAttachment[];
    links: DownloadLink[];
    unavailable: string[];
    listed: number;
  };
  maxAttachmentBytes?: number;
  /**
   * Links for the files larger than `maxAttachmentBytes`: the others are attached. Without
   * links, one file too large leaves both out and points to /retrieve_results.
   */
  links?: DownloadLink[];
  /** What to say when the files are too large and there are no links (default: /retrieve_results). */
  tooLargeText?: string;
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
  options: ResultMessageOptions = {},
): WebhookMessage {
  const status = STATUS[meta.status];
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
  const attached = [...(stageFiles?.attached ?? []), ...reportAttached];
  const links = [...(stageFiles?.links ?? []), ...reportLinks];
  const head: APIEmbed = {
    title: `${status.emoji} ${title} ${status.word}`,
    color: status.color,
    description: describe(
      meta,
      result,
      actions,
      filesNote(meta, reportAttached, links, {
        limit,
        tooLargeText: options.tooLargeText,
        stageFiles: stageFiles && {
          attached: stageFiles.attached.map((file) => file.name),
          unavailable: stageFiles.unavailable,
          listed: stageFiles.listed,
        },
      }),
    ),
    footer: { text: `workflow ${meta.workflowId}` },
  };
  const embed = { ...head, fields: fields(result, EMBED_BUDGET - embedTextLength(head)) };
  const parts = truncateMessage({
    content: options.mention ? `<@${meta.userId}>` : "",
    embeds: [embed],
  });
  return {
    ...parts,
    components: resultButtons(meta.workflowId, actions),
    allowed_mentions: onlyUsers(options.mention ? [meta.userId] : []),
    ...(attached.length > 0 ? { files: attached } : {}),
  };
}
