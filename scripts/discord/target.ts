// Where the Discord scripts find the bot token and Discord's API, and how they end on a refusal:
// one line saying what to do, exit 1, never a stack trace.
import { DEFAULT_API_BASE } from "../../src/discord/create-client.ts";
import { RegistrationError } from "../../src/register-commands.ts";
import { envValues } from "../cli/env-values.ts";
import { DEVELOPER_PORTAL, DiscordSetupError } from "./application.ts";
import type { DiscordTarget } from "./connect-application.ts";

export function discordTarget(envFile: string): DiscordTarget {
  const values = envValues(envFile);
  const botToken = values.DISCORD_BOT_TOKEN;
  if (!botToken) {
    throw new DiscordSetupError(
      `Set DISCORD_BOT_TOKEN in ${envFile} or the environment: the Bot page of your application at ${DEVELOPER_PORTAL} (Reset Token).`,
    );
  }
  return { botToken, apiBase: values.DISCORD_API_BASE || DEFAULT_API_BASE };
}

/** Runs a script's work; a refusal Discord or the operator can fix ends in one line, exit 1. */
export async function runOrExplain(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DiscordSetupError || error instanceof RegistrationError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
