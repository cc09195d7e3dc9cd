import type {
  APIChatInputApplicationCommandInteraction,
  APIMessageComponentInteraction,
} from "discord-api-types/v10";
import { engineConfig } from "../../config.ts";
import { hasRoutePastToken, planRoutes, type RoutePlan } from "../../delivery/route-plan.ts";
import { installUrl } from "../../discord/install-link.ts";
import { renderText, type TextRef } from "../../i18n/text-ref.ts";
import { trusted } from "../../i18n/translator.ts";
import {
  type PublicLanguage,
  type WorkflowLocales,
  workflowLocalesOf,
} from "../../i18n/workflow-locales.ts";
import { startWorkflow } from "../../queue/start.ts";
import { attachmentSizeLimitOf } from "../../results/result-message.ts";
import type { StoredResultMeta } from "../../results/result-store.ts";
import type { InteractionOrigin } from "../../tracker/api.ts";
import type { AnyWorkflowDefinition, JsonValue } from "../../workflow/definition.ts";
import type { CommandHandler, InteractionContext } from "../context.ts";
import { kindCommand, LANGUAGE_OPTION } from "../definitions.ts";
import { invocationOf } from "../invocation.ts";
import { invokingUser, optionValues } from "../options.ts";
import { deferred, ephemeral, textFor } from "../replies.ts";

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
  return textFor(interaction)("interactions.cannotDeliver", {
    estimateMs,
    installUrl: trusted(installUrl(interaction.application_id)),
  });
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
  locales: WorkflowLocales,
): InteractionOrigin & { routePlan: RoutePlan } {
  return {
    userId,
    locales,
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
  locales: WorkflowLocales,
): Promise<Response> {
  const t = textFor(interaction);
  const user = invokingUser(interaction);
  if (!user) return ephemeral(t("interactions.whoSent"));
  const origin = originOf(interaction, user.id, context.receivedAt, locales);
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
    return ephemeral(t("interactions.startFailed"));
  }
  // A replay sends a second message naming the same workflow: the consumer starts nothing. No
  // log line here: the consumer's workflow.created says the same with the queue wait, and a
  // line on the ack path costs a request about what the durable start does (bench a).
  return deferred();
}

/**
 * The languages of a Retry or Run again: the earlier run's, as its stored result remembers
 * them, so a rerun speaks as the original did; the button presser's for a result stored before.
 */
export function rerunLocales(
  meta: Pick<StoredResultMeta, "locales"> | null,
  interaction: StartingInteraction,
): WorkflowLocales {
  return meta?.locales ?? workflowLocalesOf(interaction);
}

/** The `language` option's choice: anything but "mine" is the default, the server's. */
function publicLanguageOf(value: unknown): PublicLanguage {
  return value === "mine" ? "mine" : "server";
}

/** A kind's rejection of its options, in the caller's language: nothing was started. */
export function optionsRejected(interaction: StartingInteraction, error: TextRef): Response {
  const t = textFor(interaction);
  return ephemeral(t("interactions.optionsRejected", { problem: trusted(renderText(t, error)) }));
}

/**
 * A workflow kind's slash command: validate first (bad options → an ephemeral error that names
 * the problem, nothing started), make the workflow durable, and only then defer. The engine's
 * `language` option is read here; the kind never sees it.
 */
export function workflowCommand(workflow: AnyWorkflowDefinition): CommandHandler {
  return {
    definition: kindCommand(workflow),
    execute(interaction, context) {
      const { [LANGUAGE_OPTION]: language, ...raw } = optionValues(interaction.data.options);
      const parsed = workflow.parseOptions(raw, invocationOf(interaction));
      if (!parsed.ok) return optionsRejected(interaction, parsed.error);
      const locales = workflowLocalesOf(interaction, publicLanguageOf(language));
      return startAndDefer(workflow, parsed.options, interaction, context, locales);
    },
  };
}
