import { setNotifyDm } from "../../notifications/settings.ts";
import type { CommandHandler } from "../context.ts";
import { notifyCommand } from "../definitions.ts";
import { invokingUser, optionValues } from "../options.ts";
import { ephemeral } from "../replies.ts";

/** /notify on|off: a DM whenever one of the caller's results is ready. */
export const notify: CommandHandler = {
  definition: notifyCommand,
  async execute(interaction, { env }) {
    const user = invokingUser(interaction);
    if (!user) return ephemeral("⚠️ I can't tell who sent this command.");
    const state = optionValues(interaction.data.options).state;
    if (state !== "on" && state !== "off") return ephemeral("⚠️ `state` must be `on` or `off`.");
    await setNotifyDm(env.DB, user.id, state === "on");
    return ephemeral(
      state === "on"
        ? "🔔 I'll DM you whenever one of your results is ready, besides the normal delivery."
        : "🔕 No more DMs when results are ready (results are still delivered as usual).",
    );
  },
};
