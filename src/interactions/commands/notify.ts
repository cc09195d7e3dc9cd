import { setNotifyDm } from "../../notifications/settings.ts";
import type { CommandHandler } from "../context.ts";
import { notifyCommand } from "../definitions.ts";
import { invokingUser, optionValues } from "../options.ts";
import { ephemeral, textFor } from "../replies.ts";

/** /notify on|off: a DM whenever one of the caller's results is ready. */
export const notify: CommandHandler = {
  definition: notifyCommand,
  async execute(interaction, { env }) {
    const t = textFor(interaction);
    const user = invokingUser(interaction);
    if (!user) return ephemeral(t("interactions.whoSent"));
    const state = optionValues(interaction.data.options).state;
    if (state !== "on" && state !== "off") return ephemeral(t("interactions.notify.badState"));
    await setNotifyDm(env.DB, user.id, state === "on");
    return ephemeral(t(state === "on" ? "interactions.notify.on" : "interactions.notify.off"));
  },
};
