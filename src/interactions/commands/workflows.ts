import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import { recentResults } from "../../results/result-index.ts";
import { formatDuration } from "../../workflow/format.ts";
import { CANCEL_PREFIX } from "../../workflow/progress-message.ts";
import { runningWorkflowsOf } from "../../workflow/quotas.ts";
import { trackerStub } from "../../workflow/start.ts";
import type { WorkflowSnapshot } from "../../workflow/tracker-types.ts";
import { MessageFlags } from "../constants.ts";
import { type CommandHandler, customId } from "../context.ts";
import { workflowsCommand } from "../definitions.ts";
import { invokingUser } from "../options.ts";
import { ephemeral, message } from "../replies.ts";

export const RETRIEVE_PREFIX = "retrieve";
const RECENT_LIMIT = 5;
const ButtonStyle = { Secondary: 2, Danger: 4 } as const;

function runningLine(index: number, s: WorkflowSnapshot, now: number): string {
  const token =
    s.tokenDead || now >= s.tokenExpiresAt
      ? "reply window closed"
      : `reply window ${formatDuration(s.tokenExpiresAt - now)} left`;
  const progress = s.handoffRoute ? ` · progress via ${s.handoffRoute}` : "";
  return `\`${index}.\` **${s.name}** · \`${s.inputLabel.slice(0, 60)}\` · ${s.status} · stage ${Math.min(s.currentStage + 1, s.stageCount)}/${s.stageCount} · ${formatDuration(now - s.receivedAt)} elapsed · ${token}${progress}`;
}

function rows(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent>[] {
  const out: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && out.length < 5; i += 5)
    out.push({ type: 1, components: buttons.slice(i, i + 5) });
  return out;
}

/** /workflows: the caller's running and recent workflows, with Cancel and Result buttons. */
export const workflows: CommandHandler = {
  definition: workflowsCommand,
  async execute(interaction, { env }) {
    const user = invokingUser(interaction);
    if (!user) return ephemeral("⚠️ I can't tell who sent this command.");
    const now = Date.now();
    const running = await runningWorkflowsOf(env.DB, user.id);
    const snapshots = (
      await Promise.all(running.map((r) => trackerStub(env, r.workflow_id).status()))
    ).filter(
      (s): s is WorkflowSnapshot => s !== null && (s.status === "queued" || s.status === "running"),
    );
    const recent = await recentResults(env.DB, user.id, RECENT_LIMIT);
    if (snapshots.length === 0 && recent.length === 0)
      return ephemeral("You have no running or recent workflows.");

    const lines: string[] = [];
    const buttons: APIButtonComponent[] = [];
    if (snapshots.length > 0) lines.push("**Running**");
    snapshots.forEach((s, i) => {
      lines.push(runningLine(i + 1, s, now));
      buttons.push({
        type: 2,
        style: ButtonStyle.Danger,
        label: `Cancel ${i + 1}`,
        custom_id: customId(CANCEL_PREFIX, s.workflowId),
      });
    });
    if (recent.length > 0) lines.push("**Recent**");
    recent.forEach((r, i) => {
      const n = snapshots.length + i + 1;
      const delivery = r.delivered_at
        ? `delivered via ${r.delivery_route}`
        : "not delivered yet (kept for you)";
      lines.push(
        `\`${n}.\` **${r.command}** · \`${r.input.slice(0, 60)}\` · ${r.status} · ${delivery} · <t:${Math.floor(r.completed_at / 1000)}:R>`,
      );
      buttons.push({
        type: 2,
        style: ButtonStyle.Secondary,
        label: `Result ${n}`,
        custom_id: customId(RETRIEVE_PREFIX, r.workflow_id),
      });
    });
    return message({
      content: lines.join("\n").slice(0, 2000),
      components: rows(buttons),
      flags: MessageFlags.Ephemeral,
      allowed_mentions: { parse: [] },
    });
  },
};
