import { discordText } from "../../discord/render/localized-text.ts";
import { resolveLocale } from "../../i18n/locales.ts";
import { renderText } from "../../i18n/text-ref.ts";
import { isWorkflowId } from "../../queue/start.ts";
import { rerunPlan } from "../../results/rerun.ts";
import { parseRunAgain, RUN_AGAIN_PREFIX } from "../../results/result-actions.ts";
import { findResult } from "../../results/result-index.ts";
import { loadStoredResult } from "../../results/result-store.ts";
import { startAndDefer } from "../commands/workflow-command.ts";
import type { ComponentHandler } from "../context.ts";
import { invocationOf } from "../invocation.ts";
import { invokingUser } from "../options.ts";
import { ephemeral } from "../replies.ts";
import { resultGoneText } from "./result-gone.ts";

const REFUSAL = {
  not_owner: "🚫 Only the person who started this workflow can run it again.",
  unknown_workflow: "⚠️ This bot no longer has that command.",
  no_options: "⚠️ This result is too old to repeat; run the command again yourself.",
  no_lighter_run: "⚠️ There is no lighter run of this workflow.",
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
    const user = invokingUser(interaction);
    const row = isWorkflowId(workflowId) ? await findResult(context.env.DB, workflowId) : null;
    if (!row) return ephemeral(resultGoneText(context.env, interaction));
    if (!user || row.user_id !== user.id) return ephemeral(REFUSAL.not_owner);
    const stored = await loadStoredResult(context.env.RESULTS, row.r2_prefix);
    if (!stored) return ephemeral(resultGoneText(context.env, interaction));
    const plan = rerunPlan(stored.meta, lighter);
    if (!plan.ok) return ephemeral(REFUSAL[plan.reason]);
    const parsed = plan.workflow.parseOptions(plan.options, invocationOf(interaction, true));
    if (!parsed.ok)
      return ephemeral(
        `⚠️ ${renderText(discordText(resolveLocale(interaction.locale)), parsed.error)}`,
      );
    context.log.info("workflow.run_again", { from: workflowId, lighter });
    return startAndDefer(plan.workflow, parsed.options, interaction, context);
  },
};
