import type {
  APIApplicationCommandInteractionDataStringOption,
  APIInteraction,
} from "discord-api-types/v10";
import { rawText } from "../../discord/render/localized-text.ts";
import { codeSpan } from "../../discord/render/safe-text.ts";
import { queueFileReply, replyTarget } from "../../file-replies/file-reply-job.ts";
import { RETRIEVE_REPLY_KIND, retrieveJobArgs } from "../../file-replies/retrieve-results-reply.ts";
import { type Translate, trusted } from "../../i18n/translator.ts";
import { isWorkflowId } from "../../queue/start.ts";
import { findResult, type ResultIndexRow, recentResults } from "../../results/result-index.ts";
import { retentionDays } from "../components/result-gone.ts";
import { hasPermission, Permission } from "../constants.ts";
import type { CommandHandler, InteractionContext } from "../context.ts";
import { retrieveResultsCommand } from "../definitions.ts";
import { invokingUser, optionValues } from "../options.ts";
import { autocompleteChoices, deferred, ephemeral, localeOf, textFor } from "../replies.ts";
import { statusText } from "../status-text.ts";

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

/** Discord's longest autocomplete choice name. */
const MAX_CHOICE_NAME = 100;

// A choice name is plain text in Discord: no escaping, only its length.
function label(row: ResultIndexRow, t: Translate): string {
  const text = t("interactions.retrieve.choice", {
    command: row.command,
    input: row.input,
    createdAt: row.created_at,
    status: statusText(t, row.status),
  });
  return text.length > MAX_CHOICE_NAME ? `${text.slice(0, MAX_CHOICE_NAME - 1)}…` : text;
}

async function listRecent(
  userId: string,
  t: Translate,
  { env }: InteractionContext,
): Promise<Response> {
  const rows = await recentResults(env.DB, userId, LIST_LIMIT);
  if (rows.length === 0) return ephemeral(t("interactions.retrieve.none"));
  const lines = rows.map((row) =>
    t("interactions.retrieve.line", {
      id: trusted(codeSpan(row.workflow_id, 40)),
      command: row.command,
      input: trusted(codeSpan(row.input, 80)),
      status: statusText(t, row.status),
      createdAt: row.created_at,
      delivered: row.delivered_at !== null,
    }),
  );
  return ephemeral(t("interactions.retrieve.list", { lines: trusted(lines.join("\n")) }));
}

/** The answer to an unknown id, or to someone else's result (which it does not reveal). */
export function notFoundText(t: Translate, env: Env): string {
  return t("interactions.retrieve.notFound", { days: retentionDays(env) });
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
  const locale = localeOf(interaction);
  const row = isWorkflowId(workflowId) ? await findResult(env.DB, workflowId) : null;
  // Someone else's result is "not found": its existence is not revealed.
  if (!row || !mayRetrieve(row, userId, interaction))
    return ephemeral(notFoundText(textFor(interaction), env));
  await queueFileReply(env, {
    kind: RETRIEVE_REPLY_KIND,
    args: retrieveJobArgs(workflowId, row.user_id === userId, locale),
    target: replyTarget(interaction, receivedAt),
  });
  return deferred({ ephemeral: true });
}

export const retrieveResults: CommandHandler = {
  definition: retrieveResultsCommand,
  async execute(interaction, context) {
    const t = textFor(interaction);
    const user = invokingUser(interaction);
    if (!user) return ephemeral(t("interactions.whoSent"));
    const workflowId = optionValues(interaction.data.options).workflow_id;
    if (typeof workflowId !== "string" || workflowId.trim() === "")
      return listRecent(user.id, t, context);
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
    const t = rawText(localeOf(interaction));
    return autocompleteChoices(
      rows.map((row) => ({ name: label(row, t), value: row.workflow_id })),
    );
  },
};
