import type { CommandHandler } from "../context.ts";
import { pingCommand } from "../definitions.ts";
import { ephemeral } from "../replies.ts";

export const ping: CommandHandler = {
  definition: pingCommand,
  execute: (_interaction, { receivedAt }) =>
    ephemeral(`Pong! Answered in ${Math.max(0, Date.now() - receivedAt)} ms.`),
};
