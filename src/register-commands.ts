import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { type CommandDiff, diffCommands } from "./command-diff.ts";
import { ApplicationIntegrationType, InteractionContextType } from "./discord/constants.ts";
import { createDiscordClient } from "./discord/create-client.ts";
import { DiscordApiError, FatalError } from "./discord/errors.ts";

export interface RegistrationSettings {
  applicationId: string;
  botToken: string;
  apiBase: string;
  /** Register in one development guild instead of globally (both update at once). */
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

/**
 * The definitions as an application that supports only `installTypes` may register them: Discord
 * refuses an `integration_types` value the application does not support, and the context of
 * other DMs and group DMs, which only a user install reaches.
 */
export function commandsForInstallTypes(
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  installTypes: ReadonlySet<number>,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  if (installTypes.has(ApplicationIntegrationType.UserInstall)) return [...commands];
  return commands.map((command) => ({
    ...command,
    ...(command.integration_types && {
      integration_types: command.integration_types.filter((type) => installTypes.has(type)),
    }),
    ...(command.contexts && {
      contexts: command.contexts.filter(
        (context) => context !== InteractionContextType.PrivateChannel,
      ),
    }),
  }));
}

/**
 * Discord's per-field errors of a 400 Invalid Form Body (`{"0":{"name":{"_errors":[…]}}}`), one
 * line per problem, the command named: `/ping name_localizations.de: Command name is invalid
 * (APPLICATION_COMMAND_INVALID_NAME)`.
 */
export function refusedFields(
  errors: unknown,
  commands: readonly { name: string }[],
  path: string[] = [],
): string[] {
  if (typeof errors !== "object" || errors === null) return [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (key !== "_errors") {
      lines.push(...refusedFields(value, commands, [...path, key]));
      continue;
    }
    const [first, ...rest] = path;
    const command = first !== undefined ? commands[Number(first)] : undefined;
    const where = command
      ? [`/${command.name}`, rest.join(".")].filter(Boolean).join(" ")
      : path.join(".");
    for (const problem of Array.isArray(value) ? value : []) {
      const { code, message } = problem as { code?: unknown; message?: unknown };
      lines.push(`${where || "(body)"}: ${String(message)} (${String(code)})`);
    }
  }
  return lines;
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
    const fields = error instanceof DiscordApiError ? refusedFields(error.errors, commands) : [];
    throw new RegistrationError(
      [
        `Discord refused the commands: ${error instanceof Error ? error.message : String(error)}`,
        ...fields.map((line) => `  ${line}`),
      ].join("\n"),
    );
  }
}
