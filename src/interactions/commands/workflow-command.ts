import type {
  APIChatInputApplicationCommandInteraction,
  APIMessageComponentInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { engineConfig } from "../../config.ts";
import { planRoutes } from "../../delivery/route-plan.ts";
import { canPostInChannel, installUrl } from "../../discord/install-link.ts";
import { codeSpan } from "../../discord/render/safe-text.ts";
import { countQuietly } from "../../results/counters.ts";
import type { AnyWorkflowDefinition, JsonValue } from "../../workflow/definition.ts";
import { formatDuration } from "../../workflow/format.ts";
import type { RunningWorkflow } from "../../workflow/quotas.ts";
import { type StartOutcome, startWorkflow } from "../../workflow/start.ts";
import type { CommandHandler, InteractionContext } from "../context.ts";
import { invokingUser, optionValues } from "../options.ts";
import { deferred, ephemeral } from "../replies.ts";

export const START_FAILED_TEXT =
  "Sorry, I couldn't start that right now (nothing was started). Please try again in a minute.";

export function quotaRefusal(running: RunningWorkflow[]): string {
  const lines = running.map(
    (w) =>
      `• \`${w.workflow_id}\` ${w.command} · ${codeSpan(w.input, 80)} · started <t:${Math.floor(w.started_at / 1000)}:R>`,
  );
  const list = lines.length > 0 ? `\n${lines.join("\n")}` : "";
  return `⏸️ You already have as many workflows running as allowed (or this server does); nothing was started.${list}\nCancel one with the Cancel button on its progress message or in \`/workflows\`, or wait for one to finish.`;
}

/**
 * A run that outlives the reply window needs a channel the bot can post in. In a server that
 * added the app without the `bot` scope (or a channel closed to it) such a run could only end
 * orphaned, so it is refused up front, saying how to fix it, instead of failing silently.
 */
function cannotDeliverRefusal(
  workflow: AnyWorkflowDefinition,
  options: JsonValue,
  interaction: StartingInteraction,
  env: Env,
): string | null {
  if (!interaction.guild_id || canPostInChannel(interaction.app_permissions)) return null;
  const estimateMs = workflow.estimateMs(options);
  if (estimateMs <= engineConfig(env).tokenTtlMs) return null;
  return [
    `⚠️ This run takes about ${formatDuration(estimateMs)}, longer than Discord's 15-minute reply window, and I can't post in this channel, so its result could not reach you here. Nothing was started.`,
    `A server admin can add me with the permissions I need: ${installUrl(interaction.application_id)}`,
    "Or run something shorter (e.g. a shallower depth), or use me in a channel where I can post.",
  ].join("\n");
}

type StartingInteraction =
  | APIChatInputApplicationCommandInteraction
  | APIMessageComponentInteraction;

/**
 * The one start path (slash command and Run again button): quota slot, durable tracker, then
 * the deferred reply; refusals are ephemeral and name the problem.
 */
export async function startAndDefer(
  workflow: AnyWorkflowDefinition,
  options: JsonValue,
  interaction: StartingInteraction,
  context: InteractionContext,
): Promise<Response> {
  const user = invokingUser(interaction);
  if (!user) return ephemeral("⚠️ I can't tell who sent this command.");
  const refusal = cannotDeliverRefusal(workflow, options, interaction, context.env);
  if (refusal) return ephemeral(refusal);
  let outcome: StartOutcome;
  try {
    outcome = await startWorkflow(context.env, workflow, options, {
      userId: user.id,
      guildId: interaction.guild_id ?? null,
      channelId: interaction.channel?.id ?? interaction.channel_id ?? null,
      applicationId: interaction.application_id,
      interactionId: interaction.id,
      interactionToken: interaction.token,
      receivedAt: context.receivedAt,
      routePlan: planRoutes(interaction),
    });
  } catch (error) {
    context.log.error("workflow.start_failed", { name: workflow.name, error });
    return ephemeral(START_FAILED_TEXT);
  }
  if (!outcome.started) {
    context.log.info("workflow.over_quota", {
      name: workflow.name,
      running: outcome.running.length,
    });
    return ephemeral(quotaRefusal(outcome.running));
  }
  context.log.info("workflow.accepted", {
    workflowId: outcome.workflowId,
    name: workflow.name,
    replayed: outcome.replayed,
  });
  if (outcome.replayed) return deferred(); // the same answer, nothing started or counted
  context.ctx.waitUntil(
    countQuietly(context.env.DB, "workflows_started_total", { workflow: workflow.name }, (error) =>
      context.log.warn("counter.failed", { error }),
    ),
  );
  return deferred();
}

/**
 * A slash command that starts a workflow: validate first (bad options → an ephemeral error that
 * names the problem, nothing started), make the workflow durable, and only then defer.
 */
export function workflowCommand(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  workflow: AnyWorkflowDefinition,
): CommandHandler {
  return {
    definition,
    execute(interaction, context) {
      const parsed = workflow.parseOptions(optionValues(interaction.data.options));
      if (!parsed.ok) return ephemeral(`⚠️ ${parsed.error}`);
      return startAndDefer(workflow, parsed.options, interaction, context);
    },
  };
}
