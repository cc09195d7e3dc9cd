import type {
  APIApplicationCommandInteractionDataStringOption,
  APIInteraction,
} from "discord-api-types/v10";
import { queueFileReply, replyTarget } from "../../file-replies/file-reply-job.ts";
import {
  notFoundText,
  RETRIEVE_REPLY_KIND,
  retrieveJobArgs,
} from "../../file-replies/retrieve-results-reply.ts";
import { resolveLocale } from "../../i18n/locales.ts";
import { isWorkflowId } from "../../queue/start.ts";
import { findResult, type ResultIndexRow, recentResults } from "../../results/result-index.ts";
import { recentResultsText, resultChoiceName } from "../../results/result-listing.ts";
import { resultRetentionDays } from "../../results/retention-settings.ts";
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

async function listRecent(
  userId: string,
  interaction: { locale?: string },
  { env }: InteractionContext,
): Promise<Response> {
  const rows = await recentResults(env.DB, userId, LIST_LIMIT);
  return ephemeral(recentResultsText(rows, resolveLocale(interaction.locale)));
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
  if (!row || !mayRetrieve(row, userId, interaction)) {
    const locale = resolveLocale("locale" in interaction ? interaction.locale : undefined);
    return ephemeral(notFoundText(locale, resultRetentionDays(env)));
  }
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
      return listRecent(user.id, interaction, context);
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
    const locale = resolveLocale(interaction.locale);
    return autocompleteChoices(
      rows.map((row) => ({ name: resultChoiceName(row, locale), value: row.workflow_id })),
    );
  },
};
