import { isWorkflowId } from "../../queue/start.ts";
import { rerunPlan } from "../../results/rerun.ts";
import { parseRunAgain, RUN_AGAIN_PREFIX } from "../../results/result-actions.ts";
import { findResult } from "../../results/result-index.ts";
import { loadStoredResult } from "../../results/result-store.ts";
import { optionsRejected, rerunLocales, startAndDefer } from "../commands/workflow-command.ts";
import type { ComponentHandler } from "../context.ts";
import { invocationOf } from "../invocation.ts";
import { invokingUser } from "../options.ts";
import { ephemeral, textFor } from "../replies.ts";
import { resultGoneText } from "./result-gone.ts";

const PLAN_REFUSAL = {
  unknown_workflow: "interactions.rerun.unknownWorkflow",
  no_options: "interactions.rerun.noOptions",
  no_lighter_run: "interactions.rerun.noLighterRun",
} as const;

/**
 * "Run again" under a result: the same command with the same options (or the lighter run the
 * workflow suggests), for its owner only, through the normal start path: the options are
 * validated again and the run counts against the quota like any other.
 */
export const runAgainButton: ComponentHandler = {
  prefix: RUN_AGAIN_PREFIX,
  async execute(interaction, payload, context) {
    const { workflowId, lighter } = parseRunAgain(payload);
    const t = textFor(interaction);
    const user = invokingUser(interaction);
    const row = isWorkflowId(workflowId) ? await findResult(context.env.DB, workflowId) : null;
    if (!row) return ephemeral(resultGoneText(context.env, interaction));
    if (!user || row.user_id !== user.id) return ephemeral(t("interactions.rerun.notOwner"));
    const stored = await loadStoredResult(context.env.RESULTS, row.r2_prefix);
    if (!stored) return ephemeral(resultGoneText(context.env, interaction));
    const plan = rerunPlan(stored.meta, lighter);
    if (!plan.ok) return ephemeral(t(PLAN_REFUSAL[plan.reason]));
    const parsed = plan.workflow.parseOptions(plan.options, invocationOf(interaction, true));
    if (!parsed.ok) return optionsRejected(interaction, parsed.error);
    context.log.info("workflow.run_again", { from: workflowId, lighter });
    const locales = rerunLocales(stored.meta, interaction);
    return startAndDefer(plan.workflow, parsed.options, interaction, context, locales);
  },
};
