import {
  listWorkflows,
  PICK_PAYLOAD,
  pickedView,
  WORKFLOWS_PREFIX,
} from "../commands/workflows.ts";
import { ComponentType } from "../constants.ts";
import type { ComponentHandler } from "../context.ts";
import { invokingUser } from "../options.ts";
import { ephemeral, localeOf, textFor, updateMessage } from "../replies.ts";

/**
 * The select menu of /workflows: the picked workflow replaces the list in the same message
 * (type 7), with its actions. Only the caller's own workflows are listed, and the pick is
 * looked up among them again, so a forged value shows nothing.
 */
export const workflowPicker: ComponentHandler = {
  prefix: WORKFLOWS_PREFIX,
  async execute(interaction, payload, { env }) {
    const t = textFor(interaction);
    const user = invokingUser(interaction);
    const data = interaction.data;
    if (!user || payload !== PICK_PAYLOAD || data.component_type !== ComponentType.StringSelect)
      return ephemeral(t("interactions.workflows.unknownPick"));
    const list = await listWorkflows(env, user.id);
    const view = pickedView(list, data.values[0] ?? "", Date.now(), localeOf(interaction));
    return view ? updateMessage(view) : ephemeral(t("interactions.workflows.pickGone"));
  },
};
