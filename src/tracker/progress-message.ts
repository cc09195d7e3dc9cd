import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import { NO_MENTIONS } from "../discord/allowed-mentions.ts";
import type { MessageBody } from "../discord/client.ts";
import { rawText } from "../discord/render/localized-text.ts";
import { progressBar } from "../discord/render/progress-bar.ts";
import { codeSpan, plainText } from "../discord/render/safe-text.ts";
import { cancelId } from "../results/result-actions.ts";
import { formatDuration } from "../workflow/format.ts";
import { labelText } from "./progress-label.ts";
import { isActive, type WorkflowRow } from "./schema.ts";
import { tokenAlive } from "./token-clock.ts";

const ButtonStyleDanger = 4;
const ButtonStyleLink = 5;
const ComponentTypeActionRow = 1;
const ComponentTypeButton = 2;

/** The "Live view" link (src/live); null when the live view is not configured. */
function liveViewButton(url: string | null): APIButtonComponent[] {
  return url
    ? [{ type: ComponentTypeButton, style: ButtonStyleLink, label: "Live view", url }]
    : [];
}

function cancelRow(
  workflowId: string,
  liveViewUrl: string | null,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentTypeActionRow,
    components: [
      {
        type: ComponentTypeButton,
        style: ButtonStyleDanger,
        label: "Cancel",
        custom_id: cancelId(workflowId),
      },
      ...liveViewButton(liveViewUrl),
    ],
  };
}

function statusLine(row: WorkflowRow): string {
  const stage = Math.min(row.current_stage + 1, row.stage_count);
  const percent = Math.round(row.progress_fraction * 100);
  const label = row.progress_label
    ? `: ${plainText(labelText(row.progress_label, rawText("en-US") /* i18n: interim English */), 120)}`
    : "";
  return `${progressBar(row.progress_fraction, 20)} ${percent}% · stage ${stage}/${row.stage_count}${label}`;
}

function clockLine(row: WorkflowRow, now: number): string {
  const elapsed = `Elapsed ${formatDuration(now - row.received_at)}`;
  if (tokenAlive(row, now))
    return `${elapsed} · reply window: ${formatDuration(row.token_expires_at - now)} left`;
  return `${elapsed} · Discord's reply window has closed; progress continues here`;
}

const END_TEXT: Record<string, string> = {
  completed: "✅ Finished; the result was delivered in its own message.",
  failed: "❌ Failed.",
  cancelled: "🛑 Cancelled by its owner.",
  timed_out: "⌛ Timed out; the partial result was delivered in its own message.",
};

/**
 * The live progress message: bar, stage k/n, elapsed time, token clock, Cancel button, and the
 * "Live view" link button when `liveViewUrl` is given (it stays on the final message too).
 */
export function progressMessage(
  row: WorkflowRow,
  title: string,
  now: number,
  liveViewUrl: string | null = null,
  notices: string[] = [],
): MessageBody {
  // The input and the error may carry page or user text: shown literally, never as markdown.
  const header = `**${title}** · ${codeSpan(row.input_label, 200)}`;
  if (!isActive(row.status)) {
    const error = row.error ? `\n${plainText(row.error, 500)}` : "";
    const link = liveViewButton(liveViewUrl);
    return {
      content: `${header}\n${END_TEXT[row.status] ?? row.status}${error}\n-# workflow ${row.workflow_id}`,
      components: link.length > 0 ? [{ type: ComponentTypeActionRow, components: link }] : [],
      allowed_mentions: NO_MENTIONS,
    };
  }
  return {
    content: [
      header,
      statusLine(row),
      clockLine(row, now),
      ...notices,
      `-# workflow ${row.workflow_id}`,
    ].join("\n"),
    components: [cancelRow(row.workflow_id, liveViewUrl)],
    allowed_mentions: NO_MENTIONS,
  };
}

export function startNotice(workflowId: string, estimateMs: number): string {
  return [
    `This will take about ${formatDuration(estimateMs)}, longer than Discord's 15-minute reply window.`,
    "Progress moves to a new message in this channel before the window closes, and the result will reach you here, in the channel, or by DM.",
    `You can always fetch it with \`/retrieve_results workflow_id:${workflowId}\`.`,
  ].join(" ");
}

export function expiryWarning(workflowId: string, msLeft: number): string {
  return [
    `⏳ Discord's reply window for this command closes in ${formatDuration(msLeft)}.`,
    "The workflow keeps running; progress continues in a new message and the result will still reach you",
    `(or use \`/retrieve_results workflow_id:${workflowId}\`).`,
  ].join(" ");
}

export function handoffPointer(
  channelId: string,
  messageId: string,
  guildId: string | null,
): string {
  const link = `https://discord.com/channels/${guildId ?? "@me"}/${channelId}/${messageId}`;
  return `➡️ Progress continues in ${link}`;
}
