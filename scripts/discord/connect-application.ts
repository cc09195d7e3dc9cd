// What deploy and setup do on Discord once the bot answers at its URL: set the Interactions
// Endpoint URL, turn on user install when asked, register the global commands the application's
// install types allow, and print both install links.

import { loadCommandDefinitions } from "../../src/command-definitions-loader.ts";
import { describeDiff } from "../../src/command-diff.ts";
import { installUrl, userInstallUrl } from "../../src/discord/install-link.ts";
import { commandsForInstallTypes, registerCommands } from "../../src/register-commands.ts";
import { ApplicationApi, type DiscordApplication, USER_INSTALL } from "./application.ts";

export const ENABLE_USER_INSTALL_HINT =
  "User install is off for this application (commands work in servers only): add --enable-user-install to `npm run deploy` or `npm run setup` to turn it on.";

export interface DiscordTarget {
  apiBase: string;
  botToken: string;
}

export async function connectApplication(
  target: DiscordTarget,
  options: { endpointUrl: string; enableUserInstall: boolean },
  log: (line: string) => void,
): Promise<DiscordApplication> {
  const api = new ApplicationApi(target.apiBase, target.botToken);
  let app = await api.read();
  if (app.interactionsEndpointUrl === options.endpointUrl) {
    log(`Interactions Endpoint URL: ${options.endpointUrl} (already set)`);
  } else {
    app = await api.setInteractionsEndpoint(app, options.endpointUrl);
    log(`Interactions Endpoint URL set: ${options.endpointUrl} (Discord verified it)`);
  }
  if (options.enableUserInstall && !app.installTypes.has(USER_INSTALL)) {
    app = await api.enableUserInstall(app);
    log("User install enabled.");
  }
  for (const line of await registerForApplication(target, app)) log(line);
  for (const line of installLinkLines(app)) log(line);
  return app;
}

/** Registers the commands globally, or in one development guild (`[]` with clear). */
export async function registerForApplication(
  target: DiscordTarget,
  app: DiscordApplication,
  scope: { guildId?: string; clear?: boolean } = {},
): Promise<string[]> {
  const commands = scope.clear
    ? []
    : commandsForInstallTypes(await loadCommandDefinitions(), app.installTypes);
  const result = await registerCommands(
    {
      applicationId: app.id,
      botToken: target.botToken,
      apiBase: target.apiBase,
      ...(scope.guildId ? { guildId: scope.guildId } : {}),
    },
    commands,
  );
  const what = scope.clear ? "Cleared the commands" : `Registered ${result.names.length} commands`;
  return [`${what} (${result.scope}):`, ...describeDiff(result.diff)];
}

export function installLinkLines(app: DiscordApplication): string[] {
  return [
    "",
    `Add the bot to a server:   ${installUrl(app.id)}`,
    app.installTypes.has(USER_INSTALL)
      ? `Add it to your account:    ${userInstallUrl(app.id)}`
      : ENABLE_USER_INSTALL_HINT,
  ];
}
