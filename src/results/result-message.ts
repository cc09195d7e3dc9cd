import type { APIEmbed } from "discord-api-types/v10";
import type { WebhookMessage } from "../discord/client.ts";
import { truncateMessage } from "../discord/render/message-builder.ts";
import { fitsInMessage } from "../discord/render/message-limits.ts";
import { truncate } from "../discord/render/text.ts";
import type { FileAttachment } from "../discord/request.ts";
import type { WorkflowResult } from "../workflow/definition.ts";
import { resultButtons } from "./result-buttons.ts";
import type { StoredResultMeta } from "./result-store.ts";

/** Discord's default per-file upload limit. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const STATUS_LINE: Record<
  StoredResultMeta["status"],
  { emoji: string; word: string; color: number }
> = {
  completed: { emoji: "✅", word: "finished", color: 0x2ecc71 },
  failed: { emoji: "❌", word: "failed", color: 0xe74c3c },
  cancelled: { emoji: "🛑", word: "was cancelled", color: 0x95a5a6 },
  timed_out: { emoji: "⌛", word: "timed out (partial result)", color: 0xf39c12 },
};

function byteLength(data: string | Uint8Array): number {
  return typeof data === "string" ? new TextEncoder().encode(data).byteLength : data.byteLength;
}

export function retrieveHint(workflowId: string): string {
  return `\`/retrieve_results workflow_id:${workflowId}\``;
}

/**
 * The final message: the report inline when it fits Discord's limits, otherwise a summary with
 * report.md and result.json attached, and when even those are too large, a pointer to
 * /retrieve_results. Never a body Discord would reject.
 */
export function resultMessage(
  meta: StoredResultMeta,
  title: string,
  result: WorkflowResult,
  options: { maxAttachmentBytes?: number; mention?: boolean } = {},
): WebhookMessage {
  const status = STATUS_LINE[meta.status];
  const mention = options.mention ? `<@${meta.userId}> ` : "";
  const content = truncate(
    `${mention}${status.emoji} **${title}** ${status.word} · \`${meta.input.slice(0, 300)}\`${meta.error ? `\n${meta.error}` : ""}`,
    1900,
  );
  const base: APIEmbed = {
    title: truncate(`${title}: ${meta.input}`, 256),
    color: status.color,
    fields: (result.fields ?? []).slice(0, 25),
    footer: { text: `workflow ${meta.workflowId}` },
  };
  const allowed_mentions = { users: options.mention ? [meta.userId] : [] };
  const inline = { content, embeds: [{ ...base, description: result.markdown }] };
  if (result.markdown.length > 0 && fitsInMessage(inline))
    return { ...inline, components: resultButtons(meta), allowed_mentions };

  const json = JSON.stringify({ ...meta, summary: result.summary, data: result.data }, null, 2);
  const files: FileAttachment[] = [
    { name: "report.md", data: result.markdown, contentType: "text/markdown" },
    { name: "result.json", data: json, contentType: "application/json" },
  ];
  const limit = options.maxAttachmentBytes ?? MAX_ATTACHMENT_BYTES;
  const tooLarge = files.some((file) => byteLength(file.data) > limit);
  const description = tooLarge
    ? `${result.summary}\n\nThe full report is too large to attach here; fetch it with ${retrieveHint(meta.workflowId)}.`
    : `${result.summary}\n\nThe full report is attached (report.md, result.json).`;
  const parts = truncateMessage({ content, embeds: [{ ...base, description }] });
  return {
    ...parts,
    components: resultButtons(meta),
    allowed_mentions,
    ...(tooLarge ? {} : { files }),
  };
}
