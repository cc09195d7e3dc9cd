import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { type CommandDiff, diffCommands } from "./command-diff.ts";
import { createDiscordClient } from "./discord/create-client.ts";
import { FatalError } from "./discord/errors.ts";

export interface RegistrationSettings {
  applicationId: string;
  botToken: string;
  apiBase: string;
  /** Register in one guild (instant) instead of globally (can take up to an hour to appear). */
  guildId?: string;
}

export class RegistrationError extends Error {
  override readonly name = "RegistrationError";
}

export interface RegistrationResult {
  scope: string;
  names: string[];
  /** What changed against what Discord had before. */
  diff: CommandDiff;
}

/** Sends exactly the command definitions the router uses, replacing what Discord had. */
export async function registerCommands(
  settings: RegistrationSettings,
  commands: RESTPostAPIChatInputApplicationCommandsJSONBody[],
): Promise<RegistrationResult> {
  for (const name of ["applicationId", "botToken"] as const) {
    if (!settings[name])
      throw new RegistrationError(
        `Missing ${name === "applicationId" ? "DISCORD_APPLICATION_ID" : "DISCORD_BOT_TOKEN"}.`,
      );
  }
  const discord = createDiscordClient({
    DISCORD_API_BASE: settings.apiBase,
    DISCORD_BOT_TOKEN: settings.botToken,
    DISCORD_REQUEST_TIMEOUT_MS: "15000",
    DISCORD_MAX_RETRIES: "3",
    BACKOFF_BASE_MS: "1000",
    BACKOFF_CAP_MS: "10000",
  });
  try {
    const before = await discord.getCommands(settings.applicationId, settings.guildId);
    const registered = settings.guildId
      ? await discord.putGuildCommands(settings.applicationId, settings.guildId, commands)
      : await discord.putGlobalCommands(settings.applicationId, commands);
    return {
      scope: settings.guildId ? `guild ${settings.guildId}` : "global",
      names: registered.map((c) => c.name),
      diff: diffCommands(before, commands),
    };
  } catch (error) {
    if (error instanceof FatalError && error.reason === "bad_bot_token") {
      throw new RegistrationError(
        "Discord rejected the bot token (401 Unauthorized). Check DISCORD_BOT_TOKEN.",
      );
    }
    throw new RegistrationError(
      `Discord refused the commands: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
