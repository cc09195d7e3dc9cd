import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIInteractionResponseCallbackData,
  APIMessage,
  APIMessageComponentInteraction,
} from "discord-api-types/v10";
import { NO_MENTIONS } from "../../discord/allowed-mentions.ts";
import { discordText } from "../../discord/render/localized-text.ts";
import { MessageLimits } from "../../discord/render/message-limits.ts";
import { truncate } from "../../discord/render/text.ts";
import type { Translate } from "../../i18n/translator.ts";
import { workflowLocalesOf } from "../../i18n/workflow-locales.ts";
import { isWorkflowId } from "../../queue/start.ts";
import { knownWorkflow } from "../../results/known-workflow.ts";
import { CANCEL_PREFIX } from "../../results/result-actions.ts";
import { trackerStub } from "../../tracker/api.ts";
import { ComponentType, MessageFlags } from "../constants.ts";
import type { ComponentHandler } from "../context.ts";
import { invokingUser } from "../options.ts";
import { ephemeral, textFor, updateMessage } from "../replies.ts";

const REFUSAL = {
  not_found: "interactions.cancel.notFound",
  not_owner: "interactions.cancel.notOwner",
  finished: "interactions.cancel.finished",
} as const;

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** The rows of the pressed message, with every Cancel button disabled and saying so. */
function disableCancel(rows: Row[], t: Translate): Row[] {
  return rows.map((row) => ({
    ...row,
    components: row.components.map((component) =>
      component.type === ComponentType.Button &&
      "custom_id" in component &&
      component.custom_id.startsWith(`${CANCEL_PREFIX}:`)
        ? { ...component, disabled: true, label: t("interactions.cancel.cancellingButton") }
        : component,
    ),
  }));
}

/**
 * The language of the pressed message: the owner's for their own /workflows list (ephemeral);
 * for the public progress message, the workflow's public language as far as the button tells
 * (the server's; the tracker's next progress edit speaks the stored one).
 */
function messageText(interaction: APIMessageComponentInteraction): Translate {
  const ephemeral = ((interaction.message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  return ephemeral ? textFor(interaction) : discordText(workflowLocalesOf(interaction).public);
}

/**
 * The pressed message, updated in place (type 7): its first line (what is running) and its
 * last subtext line (the workflow id) kept, the progress lines replaced by "Cancelling…".
 * The tracker's next progress edit then shows the final state.
 */
function cancellingUpdate(
  message: APIMessage | undefined,
  t: Translate,
): APIInteractionResponseCallbackData {
  const lines = (message?.content ?? "").split("\n");
  const head = lines.length > 1 ? [lines[0] as string] : [];
  const tail = lines.length > 2 && lines.at(-1)?.startsWith("-# ") ? [lines.at(-1) as string] : [];
  const rows = (message?.components ?? []).filter(
    (row): row is Row => row.type === ComponentType.ActionRow,
  );
  return {
    content: truncate(
      [...head, t("interactions.cancel.cancelling"), ...tail].join("\n"),
      MessageLimits.content,
    ),
    components: disableCancel(rows, t),
    allowed_mentions: NO_MENTIONS,
  };
}

/**
 * The Cancel button on a progress message; only the workflow's owner may press it. D1 answers
 * first, so an unknown or finished id wakes no tracker.
 */
export const cancelButton: ComponentHandler = {
  prefix: CANCEL_PREFIX,
  async execute(interaction, workflowId, { env, log }) {
    const t = textFor(interaction);
    if (!isWorkflowId(workflowId)) return ephemeral(t(REFUSAL.not_found));
    const user = invokingUser(interaction);
    if (!user) return ephemeral(t(REFUSAL.not_owner));
    const known = await knownWorkflow(env.DB, workflowId);
    if (!known) return ephemeral(t(REFUSAL.not_found));
    if (known.userId !== user.id) return ephemeral(t(REFUSAL.not_owner));
    if (known.state === "finished") return ephemeral(t(REFUSAL.finished));
    const result = await trackerStub(env, workflowId).cancel(user.id);
    log.info("workflow.cancel_requested", {
      workflowId,
      ok: result.ok,
      reason: result.ok ? undefined : result.reason,
    });
    // The owner sees the same message change; anyone else gets a private answer.
    return result.ok
      ? updateMessage(cancellingUpdate(interaction.message, messageText(interaction)))
      : ephemeral(t(REFUSAL[result.reason]));
  },
};
