import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIComponentInMessageActionRow,
  APIInteractionResponseCallbackData,
  APISelectMenuOption,
} from "discord-api-types/v10";
import { codeSpan } from "../../discord/render/safe-text.ts";
import { runningWorkflowsOf } from "../../results/quotas.ts";
import { cancelId, runAgainId } from "../../results/result-actions.ts";
import { type ResultIndexRow, recentResults } from "../../results/result-index.ts";
import { trackerStub, type WorkflowSnapshot } from "../../tracker/api.ts";
import { formatDuration } from "../../workflow/format.ts";
import { ButtonStyle, ComponentLimits, ComponentType, MessageFlags } from "../constants.ts";
import { type CommandHandler, customId } from "../context.ts";
import { workflowsCommand } from "../definitions.ts";
import { invokingUser } from "../options.ts";
import { ephemeral, message } from "../replies.ts";

export const RETRIEVE_PREFIX = "retrieve";
/** The select menu of /workflows: `workflows:pick`, the chosen workflow id in `values`. */
export const WORKFLOWS_PREFIX = "workflows";
export const PICK_PAYLOAD = "pick";
const RECENT_LIMIT = 5;

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

function stageText(s: WorkflowSnapshot): string {
  return `stage ${Math.min(s.currentStage + 1, s.stageCount)}/${s.stageCount}`;
}

function tokenText(s: WorkflowSnapshot, now: number): string {
  return s.tokenDead || now >= s.tokenExpiresAt
    ? "reply window closed"
    : `reply window ${formatDuration(s.tokenExpiresAt - now)} left`;
}

function deliveryText(r: ResultIndexRow): string {
  return r.delivered_at ? `delivered via ${r.delivery_route}` : "not delivered yet (kept for you)";
}

// Option labels and descriptions are plain text in Discord: no escaping, only length limits.
function options(list: WorkflowList, now: number, selected?: string): APISelectMenuOption[] {
  const running = list.running.map((s) => ({
    label: clip(`▶️ ${s.name} · ${s.inputLabel}`),
    description: clip(`running · ${stageText(s)} · ${formatDuration(now - s.receivedAt)} elapsed`),
    value: s.workflowId,
  }));
  const recent = list.recent.map((r) => ({
    label: clip(`${r.command} · ${r.input}`),
    description: clip(`${r.status} · ${deliveryText(r)}`),
    value: r.workflow_id,
  }));
  return [...running, ...recent]
    .slice(0, ComponentLimits.selectOptions)
    .map((option) => ({ ...option, default: option.value === selected }));
}

function picker(
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
        placeholder: "Pick a workflow to cancel it or see its result",
        options: options(list, now, selected),
      },
    ],
  };
}

function overview(list: WorkflowList, now: number): string {
  const lines: string[] = [];
  if (list.running.length > 0) lines.push("**Running**");
  for (const s of list.running)
    lines.push(
      `• **${s.name}** · ${codeSpan(s.inputLabel, 60)} · ${stageText(s)} · ${formatDuration(now - s.receivedAt)} elapsed · ${tokenText(s, now)}${s.handoffRoute ? ` · progress via ${s.handoffRoute}` : ""}`,
    );
  if (list.recent.length > 0) lines.push("**Recent**");
  for (const r of list.recent)
    lines.push(
      `• **${r.command}** · ${codeSpan(r.input, 60)} · ${r.status} · ${deliveryText(r)} · <t:${Math.floor(r.completed_at / 1000)}:R>`,
    );
  return lines.join("\n").slice(0, 1900);
}

/** One workflow picked from the list: what it is doing and the buttons that act on it. */
export function pickedView(
  list: WorkflowList,
  workflowId: string,
  now: number,
): APIInteractionResponseCallbackData | null {
  const running = list.running.find((s) => s.workflowId === workflowId);
  const recent = list.recent.find((r) => r.workflow_id === workflowId);
  if (!running && !recent) return null;
  const buttons: APIButtonComponent[] = [];
  let content: string;
  if (running) {
    content = `**${running.name}** · ${codeSpan(running.inputLabel, 200)}\nrunning · ${stageText(running)} · ${formatDuration(now - running.receivedAt)} elapsed · ${tokenText(running, now)}`;
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Danger,
      label: "Cancel",
      custom_id: cancelId(workflowId),
    });
  } else {
    const r = recent as ResultIndexRow;
    content = `**${r.command}** · ${codeSpan(r.input, 200)}\n${r.status} · ${deliveryText(r)} · <t:${Math.floor(r.completed_at / 1000)}:R>`;
    buttons.push(
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: "Show result",
        custom_id: customId(RETRIEVE_PREFIX, workflowId),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "Run again",
        custom_id: runAgainId(workflowId),
      },
    );
  }
  return {
    content: `${content}\n-# workflow ${workflowId}`,
    components: [
      picker(list, now, workflowId),
      { type: ComponentType.ActionRow, components: buttons },
    ],
  };
}

/** /workflows: the caller's running and recent workflows; a select menu picks one to act on. */
export const workflows: CommandHandler = {
  definition: workflowsCommand,
  async execute(interaction, { env }) {
    const user = invokingUser(interaction);
    if (!user) return ephemeral("⚠️ I can't tell who sent this command.");
    const list = await listWorkflows(env, user.id);
    if (list.running.length === 0 && list.recent.length === 0)
      return ephemeral("You have no running or recent workflows.");
    const now = Date.now();
    return message({
      content: overview(list, now),
      components: [picker(list, now)],
      flags: MessageFlags.Ephemeral,
    });
  },
};
