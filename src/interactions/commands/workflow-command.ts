import type {
  APIChatInputApplicationCommandInteraction,
  APIMessageComponentInteraction,
} from "discord-api-types/v10";
import { engineConfig } from "../../config.ts";
import { hasRoutePastToken, planRoutes, type RoutePlan } from "../../delivery/route-plan.ts";
import { installUrl } from "../../discord/install-link.ts";
import { discordText } from "../../discord/render/localized-text.ts";
import { resolveLocale } from "../../i18n/locales.ts";
import { renderText } from "../../i18n/text-ref.ts";
import { startWorkflow } from "../../queue/start.ts";
import { attachmentSizeLimitOf } from "../../results/result-message.ts";
import type { InteractionOrigin } from "../../tracker/api.ts";
import type { AnyWorkflowDefinition, JsonValue } from "../../workflow/definition.ts";
import { formatDuration } from "../../workflow/format.ts";
import type { CommandHandler, InteractionContext } from "../context.ts";
import { kindCommand } from "../definitions.ts";
import { invocationOf } from "../invocation.ts";
import { invokingUser, optionValues } from "../options.ts";
import { deferred, ephemeral } from "../replies.ts";

export const START_FAILED_TEXT =
  "Sorry, I couldn't start that right now (nothing was started). Please try again in a minute.";

/**
 * A run that outlives the reply window needs a channel the bot can post in. In a server that
 * added the app without the `bot` scope (or a channel closed to it) such a run could only end
 * orphaned, so it is refused up front, saying how to fix it, instead of failing silently.
 */
function cannotDeliverRefusal(
  workflow: AnyWorkflowDefinition,
  options: JsonValue,
  interaction: StartingInteraction,
  routes: RoutePlan,
  env: Env,
): string | null {
  if (!interaction.guild_id || hasRoutePastToken(routes)) return null;
  const estimateMs = workflow.estimateMs(options);
  if (estimateMs <= engineConfig(env).tokenTtlMs) return null;
  return [
    `⚠️ This run takes about ${formatDuration(estimateMs)}, longer than Discord's 15-minute reply window, and I can't post in this channel, so its result could not reach you here. Nothing was started.`,
    `A server admin can add me with the permissions I need: ${installUrl(interaction.application_id)}`,
    "Or run something shorter (e.g. a shallower depth), or use me in a channel where I can post.",
  ].join("\n");
}

/**
 * Who started a workflow, where, the interaction its token belongs to, and the routes past the
 * token that can work there: every start (command, Retry, Run again) plans them, so no tracker
 * learns a missing permission from a 403.
 */
export function originOf(
  interaction: StartingInteraction,
  userId: string,
  receivedAt: number,
): InteractionOrigin & { routePlan: RoutePlan } {
  return {
    userId,
    guildId: interaction.guild_id ?? null,
    channelId: interaction.channel?.id ?? interaction.channel_id ?? null,
    applicationId: interaction.application_id,
    interactionId: interaction.id,
    interactionToken: interaction.token,
    receivedAt,
    routePlan: {
      ...planRoutes(interaction),
      attachmentSizeLimit: attachmentSizeLimitOf(interaction),
    },
  };
}

export type StartingInteraction =
  | APIChatInputApplicationCommandInteraction
  | APIMessageComponentInteraction;

/**
 * The one start path (slash command and Run again button): the start message queued (durable),
 * then the deferred reply. The quota is taken by the consumer: a refusal replaces the deferred
 * reply (quota-refusal.ts). Refusals that need no I/O are ephemeral and name the problem.
 */
export async function startAndDefer(
  workflow: AnyWorkflowDefinition,
  options: JsonValue,
  interaction: StartingInteraction,
  context: InteractionContext,
): Promise<Response> {
  const user = invokingUser(interaction);
  if (!user) return ephemeral("⚠️ I can't tell who sent this command.");
  const origin = originOf(interaction, user.id, context.receivedAt);
  const refusal = cannotDeliverRefusal(
    workflow,
    options,
    interaction,
    origin.routePlan,
    context.env,
  );
  if (refusal) return ephemeral(refusal);
  try {
    await startWorkflow(context.env, workflow, options, origin);
  } catch (error) {
    context.log.error("workflow.start_failed", { name: workflow.name, error });
    return ephemeral(START_FAILED_TEXT);
  }
  // A replay sends a second message naming the same workflow: the consumer starts nothing. No
  // log line here: the consumer's workflow.created says the same with the queue wait, and a
  // line on the ack path costs a request about what the durable start does (bench a).
  return deferred();
}

/**
 * A workflow kind's slash command: validate first (bad options → an ephemeral error that names
 * the problem, nothing started), make the workflow durable, and only then defer.
 */
export function workflowCommand(workflow: AnyWorkflowDefinition): CommandHandler {
  return {
    definition: kindCommand(workflow),
    execute(interaction, context) {
      const parsed = workflow.parseOptions(
        optionValues(interaction.data.options),
        invocationOf(interaction),
      );
      if (!parsed.ok)
        return ephemeral(
          `⚠️ ${renderText(discordText(resolveLocale(interaction.locale)), parsed.error)}`,
        );
      return startAndDefer(workflow, parsed.options, interaction, context);
    },
  };
}
