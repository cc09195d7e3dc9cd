// `npm run register`: registers the slash commands with Discord (runs in Node, not the Worker).
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { loadCommandDefinitions } from "./command-definitions-loader.ts";
import { describeDiff } from "./command-diff.ts";
import { DEFAULT_API_BASE } from "./discord/create-client.ts";
import { inviteText } from "./discord/install-link.ts";
import { RegistrationError, registerCommands } from "./register-commands.ts";

function loadSettings(): Record<string, string | undefined> {
  const fileArg = process.argv.indexOf("--env-file");
  const file = fileArg >= 0 ? process.argv[fileArg + 1] : ".dev.vars";
  const fromFile = file && existsSync(file) ? parseEnv(readFileSync(file, "utf8")) : {};
  return { ...fromFile, ...process.env };
}

const settings = loadSettings();
try {
  const result = await registerCommands(
    {
      applicationId: settings.DISCORD_APPLICATION_ID ?? "",
      botToken: settings.DISCORD_BOT_TOKEN ?? "",
      apiBase: settings.DISCORD_API_BASE || DEFAULT_API_BASE,
      ...(settings.DISCORD_GUILD_ID ? { guildId: settings.DISCORD_GUILD_ID } : {}),
    },
    await loadCommandDefinitions(),
  );
  console.log(`Registered ${result.names.length} commands (${result.scope}):`);
  console.log(describeDiff(result.diff).join("\n"));
  if (result.scope === "global")
    console.log(
      "Global commands can take up to an hour to appear; set DISCORD_GUILD_ID to test in one server at once.",
    );
  console.log(`\n${inviteText(settings.DISCORD_APPLICATION_ID ?? "")}`);
} catch (error) {
  console.error(error instanceof RegistrationError ? error.message : error);
  process.exitCode = 1;
}
