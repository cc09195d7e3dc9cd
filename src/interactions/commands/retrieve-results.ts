import type {
  APIApplicationCommandInteractionDataStringOption,
  APIInteraction,
} from "discord-api-types/v10";
import { codeSpan } from "../../discord/render/safe-text.ts";
import { queueFileReply, replyTarget } from "../../file-replies/file-reply-job.ts";
import {
  NOT_FOUND_TEXT,
  RETRIEVE_REPLY_KIND,
  retrieveJobArgs,
} from "../../file-replies/retrieve-results-reply.ts";
import { isWorkflowId } from "../../queue/start.ts";
import { findResult, type ResultIndexRow, recentResults } from "../../results/result-index.ts";
import { hasPermission, Permission } from "../constants.ts";
import type { CommandHandler, InteractionContext } from "../context.ts";
import { retrieveResultsCommand } from "../definitions.ts";
import { invokingUser, optionValues } from "../options.ts";
import { autocompleteChoices, deferred, ephemeral, textFor } from "../replies.ts";

const LIST_LIMIT = 10;

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

/**
 * Allowed: the result goes out as an edit of a deferred reply, through the file-reply queue
 * (src/file-replies/), since its files may be larger than an HTTP answer can carry.
 */
export async function retrieve(
  workflowId: string,
  userId: string,
  interaction: APIInteraction,
  { env, receivedAt }: InteractionContext,
): Promise<Response> {
  const row = isWorkflowId(workflowId) ? await findResult(env.DB, workflowId) : null;
  // Someone else's result is "not found": its existence is not revealed.
  if (!row || !mayRetrieve(row, userId, interaction)) return ephemeral(NOT_FOUND_TEXT);
  await queueFileReply(env, {
    kind: RETRIEVE_REPLY_KIND,
    args: retrieveJobArgs(workflowId, row.user_id === userId),
    target: replyTarget(interaction, receivedAt),
  });
  return deferred({ ephemeral: true });
}

export const retrieveResults: CommandHandler = {
  definition: retrieveResultsCommand,
  async execute(interaction, context) {
    const user = invokingUser(interaction);
    if (!user) return ephemeral(textFor(interaction)("interactions.whoSent"));
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
