import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIComponentInMessageActionRow,
  APIInteractionResponseCallbackData,
  APISelectMenuOption,
} from "discord-api-types/v10";
import { discordText, rawText } from "../../discord/render/localized-text.ts";
import { codeSpan } from "../../discord/render/safe-text.ts";
import { truncate } from "../../discord/render/text.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { Translate } from "../../i18n/translator.ts";
import { runningWorkflowsOf } from "../../results/quotas.ts";
import { cancelId, runAgainId } from "../../results/result-actions.ts";
import { type ResultIndexRow, recentResults } from "../../results/result-index.ts";
import { trackerStub, type WorkflowSnapshot } from "../../tracker/api.ts";
import { ButtonStyle, ComponentLimits, ComponentType, MessageFlags } from "../constants.ts";
import { type CommandHandler, customId } from "../context.ts";
import { workflowsCommand } from "../definitions.ts";
import { invokingUser } from "../options.ts";
import { ephemeral, localeOf, message } from "../replies.ts";
import { statusText } from "../status-text.ts";

export const RETRIEVE_PREFIX = "retrieve";
/** The select menu of /workflows: `workflows:pick`, the chosen workflow id in `values`. */
export const WORKFLOWS_PREFIX = "workflows";
export const PICK_PAYLOAD = "pick";
const RECENT_LIMIT = 5;
/** The list's longest text: room under Discord's 2,000 characters. */
const OVERVIEW_MAX = 1900;

export interface WorkflowList {
  running: WorkflowSnapshot[];
  recent: ResultIndexRow[];
}

/** The caller's running workflows (as their trackers see them) and latest results. */
export async function listWorkflows(env: Env, userId: string): Promise<WorkflowList> {
  const slots = await runningWorkflowsOf(env.DB, userId);
  const running = (
    await Promise.all(slots.map((slot) => trackerStub(env, slot.workflow_id).status()))
  ).filter(
    (s): s is WorkflowSnapshot => s !== null && (s.status === "queued" || s.status === "running"),
  );
  return { running, recent: await recentResults(env.DB, userId, RECENT_LIMIT) };
}

function clip(text: string, max: number = ComponentLimits.selectOptionText): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One language, twice: `t` for message content (escaped), `plain` for menu text (not). */
interface Texts {
  t: Translate;
  plain: Translate;
}

function textsIn(locale: Locale): Texts {
  return { t: discordText(locale), plain: rawText(locale) };
}

function stageText(t: Translate, s: WorkflowSnapshot): string {
  return t("interactions.workflows.stage", {
    current: Math.min(s.currentStage + 1, s.stageCount),
    total: s.stageCount,
  });
}

function tokenText(t: Translate, s: WorkflowSnapshot, now: number): string {
  return s.tokenDead || now >= s.tokenExpiresAt
    ? t("interactions.workflows.windowClosed")
    : t("interactions.workflows.windowLeft", { ms: s.tokenExpiresAt - now });
}

function deliveryText(t: Translate, r: ResultIndexRow): string {
  return r.delivered_at
    ? t("interactions.workflows.deliveredVia", { route: r.delivery_route ?? "" })
    : t("interactions.workflows.notDelivered");
}

/** What a running workflow is doing: its stage, time so far and reply window. */
function runningParts(t: Translate, s: WorkflowSnapshot, now: number): string[] {
  return [
    statusText(t, s.status),
    stageText(t, s),
    t("interactions.workflows.elapsed", { ms: now - s.receivedAt }),
    tokenText(t, s, now),
  ];
}

function options(
  { plain }: Texts,
  list: WorkflowList,
  now: number,
  selected?: string,
): APISelectMenuOption[] {
  const running = list.running.map((s) => ({
    label: clip(`▶️ ${s.name} · ${s.inputLabel}`),
    description: clip(runningParts(plain, s, now).slice(0, 3).join(" · ")),
    value: s.workflowId,
  }));
  const recent = list.recent.map((r) => ({
    label: clip(`${r.command} · ${r.input}`),
    description: clip(`${statusText(plain, r.status)} · ${deliveryText(plain, r)}`),
    value: r.workflow_id,
  }));
  return [...running, ...recent]
    .slice(0, ComponentLimits.selectOptions)
    .map((option) => ({ ...option, default: option.value === selected }));
}

function picker(
  texts: Texts,
  list: WorkflowList,
  now: number,
  selected?: string,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: customId(WORKFLOWS_PREFIX, PICK_PAYLOAD),
        placeholder: clip(
          texts.plain("interactions.workflows.pickPlaceholder"),
          ComponentLimits.selectPlaceholder,
        ),
        options: options(texts, list, now, selected),
      },
    ],
  };
}

const when = (epochMs: number) => `<t:${Math.floor(epochMs / 1000)}:R>`;

function overview(t: Translate, list: WorkflowList, now: number): string {
  const lines: string[] = [];
  if (list.running.length > 0) lines.push(t("interactions.workflows.running"));
  for (const s of list.running) {
    const parts = [codeSpan(s.inputLabel, 60), ...runningParts(t, s, now).slice(1)];
    if (s.handoffRoute)
      parts.push(t("interactions.workflows.progressVia", { route: s.handoffRoute }));
    lines.push(`• **${s.name}** · ${parts.join(" · ")}`);
  }
  if (list.recent.length > 0) lines.push(t("interactions.workflows.recent"));
  for (const r of list.recent)
    lines.push(
      `• **${r.command}** · ${codeSpan(r.input, 60)} · ${statusText(t, r.status)} · ${deliveryText(t, r)} · ${when(r.completed_at)}`,
    );
  return truncate(lines.join("\n"), OVERVIEW_MAX);
}

function button(
  label: string,
  style: (typeof ButtonStyle)["Primary" | "Secondary" | "Danger"],
  id: string,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style,
    label: clip(label, ComponentLimits.buttonLabel),
    custom_id: id,
  };
}

/** One workflow picked from the list: what it is doing and the buttons that act on it. */
export function pickedView(
  list: WorkflowList,
  workflowId: string,
  now: number,
  locale: Locale,
): APIInteractionResponseCallbackData | null {
  const texts = textsIn(locale);
  const { t } = texts;
  const running = list.running.find((s) => s.workflowId === workflowId);
  const recent = list.recent.find((r) => r.workflow_id === workflowId);
  if (!running && !recent) return null;
  let content: string;
  let buttons: APIButtonComponent[];
  if (running) {
    content = `**${running.name}** · ${codeSpan(running.inputLabel, 200)}\n${runningParts(t, running, now).join(" · ")}`;
    buttons = [
      button(t("interactions.workflows.cancelButton"), ButtonStyle.Danger, cancelId(workflowId)),
    ];
  } else {
    const r = recent as ResultIndexRow;
    content = `**${r.command}** · ${codeSpan(r.input, 200)}\n${statusText(t, r.status)} · ${deliveryText(t, r)} · ${when(r.completed_at)}`;
    buttons = [
      button(
        t("interactions.workflows.showResultButton"),
        ButtonStyle.Primary,
        customId(RETRIEVE_PREFIX, workflowId),
      ),
      button(
        t("interactions.workflows.runAgainButton"),
        ButtonStyle.Secondary,
        runAgainId(workflowId),
      ),
    ];
  }
  return {
    content: `${content}\n${t("interactions.workflows.idLine", { id: workflowId })}`,
    components: [
      picker(texts, list, now, workflowId),
      { type: ComponentType.ActionRow, components: buttons },
    ],
  };
}

/** /workflows: the caller's running and recent workflows; a select menu picks one to act on. */
export const workflows: CommandHandler = {
  definition: workflowsCommand,
  async execute(interaction, { env }) {
    const texts = textsIn(localeOf(interaction));
    const user = invokingUser(interaction);
    if (!user) return ephemeral(texts.t("interactions.whoSent"));
    const list = await listWorkflows(env, user.id);
    if (list.running.length === 0 && list.recent.length === 0)
      return ephemeral(texts.t("interactions.workflows.none"));
    const now = Date.now();
    return message({
      content: overview(texts.t, list, now),
      components: [picker(texts, list, now)],
      flags: MessageFlags.Ephemeral,
    });
  },
};
