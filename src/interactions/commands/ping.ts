import type { CommandHandler } from "../context.ts";
import { pingCommand } from "../definitions.ts";
import { ephemeral, textFor } from "../replies.ts";

export const ping: CommandHandler = {
  definition: pingCommand,
  execute: (interaction, { receivedAt }) =>
    ephemeral(
      textFor(interaction)("interactions.pong", { ms: Math.max(0, Date.now() - receivedAt) }),
    ),
};
