import type {
  APIApplicationCommandInteractionDataStringOption,
  APIInteraction,
} from "discord-api-types/v10";
import { codeSpan } from "../../discord/render/safe-text.ts";
import { splitFiles } from "../../discord/request.ts";
import { isWorkflowId } from "../../queue/start.ts";
import { countQuietly } from "../../results/counters.ts";
import { resultActionsFor } from "../../results/rerun.ts";
import {
  findResult,
  type ResultIndexRow,
  recentResults,
  recordRetrieval,
} from "../../results/result-index.ts";
import { resultMessage } from "../../results/result-message.ts";
import { loadStoredResult } from "../../results/result-store.ts";
import { findWorkflow } from "../../workflow/registry.ts";
import { hasPermission, InteractionResponseType, MessageFlags, Permission } from "../constants.ts";
import type { CommandHandler, InteractionContext } from "../context.ts";
import { retrieveResultsCommand } from "../definitions.ts";
import { replyWithFiles } from "../multipart-reply.ts";
import { invokingUser, optionValues } from "../options.ts";
import { autocompleteChoices, ephemeral } from "../replies.ts";

const LIST_LIMIT = 10;

export const NOT_FOUND_TEXT =
  "I can't find a result with that id. Results are kept for 30 days; run `/retrieve_results` without an id to list yours.";

/** What the access check needs of any interaction (command, autocomplete or button). */
type Interaction = Pick<APIInteraction, "guild_id" | "member">;

/** Owners may retrieve; so may a member with Manage Guild in the guild the workflow ran in. */
function mayRetrieve(row: ResultIndexRow, userId: string, interaction: Interaction): boolean {
  if (row.user_id === userId) return true;
  return (
    interaction.guild_id !== undefined &&
    row.guild_id === interaction.guild_id &&
    hasPermission(interaction.member?.permissions, Permission.ManageGuild)
  );
}

function label(row: ResultIndexRow): string {
  const when = new Date(row.created_at).toISOString().slice(0, 16).replace("T", " ");
  const text = `${row.command} · ${row.input} · ${when} · ${row.status}`;
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

async function listRecent(userId: string, { env }: InteractionContext): Promise<Response> {
  const rows = await recentResults(env.DB, userId, LIST_LIMIT);
  if (rows.length === 0) return ephemeral("You have no stored results yet.");
  const lines = rows.map(
    (row) =>
      `• \`${row.workflow_id}\` ${row.command} · ${codeSpan(row.input, 80)} · ${row.status} · <t:${Math.floor(row.created_at / 1000)}:R>${row.delivered_at ? "" : " · not delivered yet"}`,
  );
  return ephemeral(
    `Your recent results (newest first):\n${lines.join("\n")}\n\nFetch one with \`/retrieve_results workflow_id:<id>\`.`,
  );
}

export async function retrieve(
  workflowId: string,
  userId: string,
  interaction: Interaction,
  context: InteractionContext,
): Promise<Response> {
  const { env, log } = context;
  const row = isWorkflowId(workflowId) ? await findResult(env.DB, workflowId) : null;
  // Someone else's result is "not found": its existence is not revealed.
  if (!row || !mayRetrieve(row, userId, interaction)) return ephemeral(NOT_FOUND_TEXT);
  const stored = await loadStoredResult(env.RESULTS, row.r2_prefix);
  const wasOrphaned = row.delivered_at === null;
  const count = (success: boolean) =>
    context.ctx.waitUntil(
      wasOrphaned
        ? countQuietly(
            env.DB,
            "orphaned_results_retrieved_total",
            { success: String(success) },
            (error) => log.warn("counter.failed", { error }),
          )
        : Promise.resolve(),
    );
  if (!stored) {
    count(false);
    return ephemeral(NOT_FOUND_TEXT);
  }
  const byOwner = row.user_id === userId;
  await recordRetrieval(env.DB, workflowId, Date.now(), byOwner);
  count(true);
  log.info("result.retrieved", { workflowId, byOwner });
  const title = findWorkflow(row.command)?.title ?? row.command;
  const body = resultMessage(stored.meta, title, stored.result, {
    actions: resultActionsFor(stored.meta),
  });
  const { json, files } = splitFiles(body);
  return replyWithFiles(
    {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { ...json, flags: MessageFlags.Ephemeral },
    },
    files ?? [],
  );
}

export const retrieveResults: CommandHandler = {
  definition: retrieveResultsCommand,
  async execute(interaction, context) {
    const user = invokingUser(interaction);
    if (!user) return ephemeral("⚠️ I can't tell who sent this command.");
    const workflowId = optionValues(interaction.data.options).workflow_id;
    if (typeof workflowId !== "string" || workflowId.trim() === "")
      return listRecent(user.id, context);
    return retrieve(workflowId.trim(), user.id, interaction, context);
  },
  async autocomplete(interaction, { env }) {
    const user = invokingUser(interaction);
    if (!user) return autocompleteChoices([]);
    const focused = interaction.data.options?.find(
      (option): option is APIApplicationCommandInteractionDataStringOption & { focused: true } =>
        "focused" in option && option.focused === true && option.type === 3,
    );
    const rows = await recentResults(env.DB, user.id, 25, focused?.value.trim() ?? "");
    return autocompleteChoices(rows.map((row) => ({ name: label(row), value: row.workflow_id })));
  },
};
