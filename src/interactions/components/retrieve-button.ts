import { retrieve } from "../commands/retrieve-results.ts";
import { RETRIEVE_PREFIX } from "../commands/workflows.ts";
import type { ComponentHandler } from "../context.ts";
import { invokingUser } from "../options.ts";
import { ephemeral, textFor } from "../replies.ts";

/** The "Result n" button of /workflows: the same access rules as /retrieve_results. */
export const retrieveButton: ComponentHandler = {
  prefix: RETRIEVE_PREFIX,
  async execute(interaction, workflowId, context) {
    const user = invokingUser(interaction);
    if (!user) return ephemeral(textFor(interaction)("interactions.whoPressed"));
    return retrieve(workflowId, user.id, interaction, context);
  },
};
