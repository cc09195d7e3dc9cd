import type { APIMessageComponentInteraction } from "discord-api-types/v10";
import { isWorkflowId, startWorkflow } from "../../queue/start.ts";
import { RESUME_PREFIX } from "../../results/result-actions.ts";
import { findResult } from "../../results/result-index.ts";
import { loadStoredResult } from "../../results/result-store.ts";
import { retentionSettings } from "../../results/retention-settings.ts";
import {
  loadArchivedHistory,
  type ResumePoint,
  resumePointOf,
  trackerStub,
  type WorkflowHistory,
} from "../../tracker/api.ts";
import { findWorkflow } from "../../workflow/registry.ts";
import { originOf, rerunLocales } from "../commands/workflow-command.ts";
import type { ComponentHandler, InteractionContext } from "../context.ts";
import { invokingUser } from "../options.ts";
import { deferred, ephemeral, textFor } from "../replies.ts";
import { resultGoneText } from "./result-gone.ts";

/** The old run's history: its tracker while it still has storage, else the R2 archive. */
async function historyOf(env: Env, workflowId: string): Promise<WorkflowHistory | null> {
  return (
    (await trackerStub(env, workflowId).history()) ??
    (await loadArchivedHistory(env.RESULTS, workflowId))
  );
}

async function retryFromLastStage(
  interaction: APIMessageComponentInteraction,
  workflowId: string,
  { env, log, receivedAt }: InteractionContext,
): Promise<Response> {
  const t = textFor(interaction);
  if (!isWorkflowId(workflowId)) return ephemeral(resultGoneText(env, interaction));
  const user = invokingUser(interaction);
  const row = await findResult(env.DB, workflowId);
  const retention = retentionSettings(env).resultRetentionMs;
  if (!row || row.created_at < Date.now() - retention)
    return ephemeral(resultGoneText(env, interaction));
  if (!user || row.user_id !== user.id) return ephemeral(t("interactions.rerun.notOwner"));
  const status = row.status as string;
  if (status !== "failed" && status !== "timed_out")
    return ephemeral(t("interactions.rerun.notRetryable"));
  const history = await historyOf(env, workflowId);
  const definition = history ? findWorkflow(history.name) : undefined;
  if (!history || !definition) return ephemeral(t("interactions.rerun.stagesGone"));
  const resume: ResumePoint | null = resumePointOf(workflowId, history.stages, definition);
  const stored = await loadStoredResult(env.RESULTS, row.r2_prefix);
  const locales = rerunLocales(stored?.meta ?? null, interaction);
  try {
    const newWorkflowId = await startWorkflow(
      env,
      definition,
      history.options,
      originOf(interaction, user.id, receivedAt, locales),
      resume,
    );
    log.info("workflow.restarted", {
      from: workflowId,
      workflowId: newWorkflowId,
      resumeAt: resume?.stage ?? 0,
    });
  } catch (error) {
    log.error("workflow.restart_failed", { from: workflowId, error });
    return ephemeral(t("interactions.startFailed"));
  }
  // Durable before the ack, as for a slash command: the new run's progress (or its quota
  // refusal) is this reply.
  return deferred();
}

/** "Retry" under a failed or timed-out result: resume after the last completed stage. */
export const resumeButton: ComponentHandler = {
  prefix: RESUME_PREFIX,
  execute: (interaction, workflowId, context) =>
    retryFromLastStage(interaction, workflowId, context),
};
