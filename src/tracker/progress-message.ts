import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import { NO_MENTIONS } from "../discord/allowed-mentions.ts";
import type { MessageBody } from "../discord/client.ts";
import { discordText, rawText } from "../discord/render/localized-text.ts";
import { progressBar } from "../discord/render/progress-bar.ts";
import { codeSpan, plainText } from "../discord/render/safe-text.ts";
import { truncate } from "../discord/render/text.ts";
import type { Locale } from "../i18n/locales.ts";
import { type Translate, trusted } from "../i18n/translator.ts";
import { retrieveHint } from "../results/files-note.ts";
import { cancelId } from "../results/result-actions.ts";
import { labelText } from "./progress-label.ts";
import { localesOf } from "./row-locales.ts";
import { isActive, type WorkflowRow, type WorkflowStatus } from "./schema.ts";
import { tokenAlive } from "./token-clock.ts";

// The progress message and the notes around it. Everyone in the channel reads the progress
// message and the handoff pointer: the workflow's public language. The start notice and the
// reply-window warning are ephemeral, read by the user alone: the user's language.

const ButtonStyleDanger = 4;
const ButtonStyleLink = 5;
const ComponentTypeActionRow = 1;
const ComponentTypeButton = 2;

/** The longest progress label shown (a kind's label is short; its variables may not be). */
const MAX_LABEL_CHARS = 120;

/** The "Live view" link (src/live); null when the live view is not configured. */
function liveViewButton(t: Translate, url: string | null): APIButtonComponent[] {
  return url
    ? [
        {
          type: ComponentTypeButton,
          style: ButtonStyleLink,
          label: t("engine.liveViewButton"),
          url,
        },
      ]
    : [];
}

function cancelRow(
  t: Translate,
  workflowId: string,
  liveViewUrl: string | null,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentTypeActionRow,
    components: [
      {
        type: ComponentTypeButton,
        style: ButtonStyleDanger,
        label: t("engine.cancelButton"),
        custom_id: cancelId(workflowId),
      },
      ...liveViewButton(t, liveViewUrl),
    ],
  };
}

function statusLine(row: WorkflowRow, t: Translate, locale: Locale): string {
  const place = {
    fraction: row.progress_fraction,
    stage: Math.min(row.current_stage + 1, row.stage_count),
    stages: row.stage_count,
  };
  // Rendered unescaped, then escaped once as this message's variable.
  const label = truncate(labelText(row.progress_label, rawText(locale)), MAX_LABEL_CHARS);
  const line = label
    ? t("engine.progressLineLabelled", { ...place, label })
    : t("engine.progressLine", place);
  return `${progressBar(row.progress_fraction, 20)} ${line}`;
}

function clockLine(row: WorkflowRow, t: Translate, now: number): string {
  const elapsedMs = now - row.received_at;
  return tokenAlive(row, now)
    ? t("engine.clockReplyWindowOpen", { elapsedMs, leftMs: row.token_expires_at - now })
    : t("engine.clockReplyWindowClosed", { elapsedMs });
}

const END_TEXT = {
  completed: "engine.endedCompleted",
  failed: "engine.endedFailed",
  cancelled: "engine.endedCancelled",
  timed_out: "engine.endedTimedOut",
} as const satisfies Partial<Record<WorkflowStatus, string>>;

function endText(t: Translate, status: WorkflowStatus): string {
  return t(status in END_TEXT ? END_TEXT[status as keyof typeof END_TEXT] : "engine.endedFailed");
}

/**
 * The live progress message, in the workflow's public language: bar, stage k/n, elapsed time,
 * token clock, Cancel button, and the "Live view" link button when `liveViewUrl` is given (it
 * stays on the final message too).
 */
export function progressMessage(
  row: WorkflowRow,
  title: string,
  now: number,
  liveViewUrl: string | null = null,
  notices: string[] = [],
): MessageBody {
  const locale = localesOf(row).public;
  const t = discordText(locale);
  // The input and the error may carry page or user text: shown literally, never as markdown.
  const header = `**${title}** · ${codeSpan(row.input_label, 200)}`;
  const footer = t("engine.workflowFooter", { workflowId: trusted(row.workflow_id) });
  if (!isActive(row.status)) {
    const error = row.error ? `\n${plainText(row.error, 500)}` : "";
    const link = liveViewButton(t, liveViewUrl);
    return {
      content: `${header}\n${endText(t, row.status)}${error}\n${footer}`,
      components: link.length > 0 ? [{ type: ComponentTypeActionRow, components: link }] : [],
      allowed_mentions: NO_MENTIONS,
    };
  }
  return {
    content: [header, statusLine(row, t, locale), clockLine(row, t, now), ...notices, footer].join(
      "\n",
    ),
    components: [cancelRow(t, row.workflow_id, liveViewUrl)],
    allowed_mentions: NO_MENTIONS,
  };
}

/** Ephemeral, right after the start: this will outlive the reply window (the user's language). */
export function startNotice(locale: Locale, workflowId: string, estimateMs: number): string {
  return discordText(locale)("engine.startNotice", {
    estimateMs,
    retrieveCommand: trusted(retrieveHint(workflowId)),
  });
}

/** Ephemeral, before the token dies: the reply window closes soon (the user's language). */
export function expiryWarning(locale: Locale, workflowId: string, msLeft: number): string {
  return discordText(locale)("engine.replyWindowWarning", {
    leftMs: msLeft,
    retrieveCommand: trusted(retrieveHint(workflowId)),
  });
}

/** What the original response becomes once progress moved on (the public language). */
export function handoffPointer(
  locale: Locale,
  channelId: string,
  messageId: string,
  guildId: string | null,
): string {
  const link = `https://discord.com/channels/${guildId ?? "@me"}/${channelId}/${messageId}`;
  return discordText(locale)("engine.handoffPointer", { link: trusted(link) });
}
