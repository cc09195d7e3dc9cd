import { CANCEL_PREFIX } from "../../workflow/progress-message.ts";
import { trackerStub } from "../../workflow/start.ts";
import type { ComponentHandler } from "../context.ts";
import { invokingUser } from "../options.ts";
import { ephemeral } from "../replies.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const REFUSAL: Record<"not_found" | "not_owner" | "finished", string> = {
  not_found: "⚠️ I can't find that workflow.",
  not_owner: "🚫 Only the person who started this workflow can cancel it.",
  finished: "This workflow has already finished.",
};

/** The Cancel button on a progress message; only the workflow's owner may press it. */
export const cancelButton: ComponentHandler = {
  prefix: CANCEL_PREFIX,
  async execute(interaction, workflowId, { env, log }) {
    if (!UUID.test(workflowId)) return ephemeral(REFUSAL.not_found);
    const user = invokingUser(interaction);
    if (!user) return ephemeral(REFUSAL.not_owner);
    const result = await trackerStub(env, workflowId).cancel(user.id);
    log.info("workflow.cancel_requested", {
      workflowId,
      ok: result.ok,
      reason: result.ok ? undefined : result.reason,
    });
    return ephemeral(
      result.ok
        ? "🛑 Cancelling: the workflow stops after its current step."
        : REFUSAL[result.reason],
    );
  },
};
