import type {
  APIChatInputApplicationCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { countQuietly } from "../../results/counters.ts";
import type { AnyWorkflowDefinition } from "../../workflow/definition.ts";
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
      `• \`${w.workflow_id}\` ${w.command} · ${w.input.slice(0, 80)} · started <t:${Math.floor(w.started_at / 1000)}:R>`,
  );
  const list = lines.length > 0 ? `\n${lines.join("\n")}` : "";
  return `⏸️ You already have as many workflows running as allowed (or this server does); nothing was started.${list}\nCancel one with the Cancel button on its progress message or in \`/workflows\`, or wait for one to finish.`;
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
    async execute(
      interaction: APIChatInputApplicationCommandInteraction,
      context: InteractionContext,
    ) {
      const parsed = workflow.parseOptions(optionValues(interaction.data.options));
      if (!parsed.ok) return ephemeral(`⚠️ ${parsed.error}`);
      const user = invokingUser(interaction);
      if (!user) return ephemeral("⚠️ I can't tell who sent this command.");
      let outcome: StartOutcome;
      try {
        outcome = await startWorkflow(context.env, workflow, parsed.options, {
          userId: user.id,
          guildId: interaction.guild_id ?? null,
          channelId: interaction.channel?.id ?? interaction.channel_id ?? null,
          applicationId: interaction.application_id,
          interactionId: interaction.id,
          interactionToken: interaction.token,
          receivedAt: context.receivedAt,
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
        countQuietly(
          context.env.DB,
          "workflows_started_total",
          { workflow: workflow.name },
          (error) => context.log.warn("counter.failed", { error }),
        ),
      );
      return deferred();
    },
  };
}
