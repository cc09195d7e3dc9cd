// `npm run register`: registers the slash commands with Discord, matching the install types the
// application supports. Globally by default; in one development guild only when asked.
import { readCommandLine } from "./cli/command-line.ts";
import { botTokenFileFlag } from "./cli/shared-flags.ts";
import { ApplicationApi } from "./discord/application.ts";
import { installLinkLines, registerForApplication } from "./discord/connect-application.ts";
import { discordTarget, runOrExplain } from "./discord/target.ts";

const line = readCommandLine({
  command: "npm run register --",
  summary:
    "Registers the bot's slash commands with Discord (DISCORD_BOT_TOKEN from the environment or the\nenv file), matching the install types the application supports. `npm run deploy` and\n`npm run setup` already do this; use it after changing a command, or for a development server.",
  flags: {
    guild: {
      type: "string",
      value: "<id>",
      description: "register in this development server only, instead of globally",
    },
    clear: {
      type: "boolean",
      default: false,
      description: "with --guild: remove that server's commands",
    },
    "vars-file": botTokenFileFlag,
  },
  examples: [
    "npm run register",
    "npm run register -- --guild 123456789012345678",
    "npm run register -- --guild 123456789012345678 --clear",
  ],
});
const { guild, clear } = line.flags;
if (guild !== undefined && !/^\d{17,20}$/.test(guild))
  line.refuse(`--guild takes a server id (17 to 20 digits), got "${guild}"`);
if (clear && guild === undefined)
  line.refuse("--clear needs --guild <id>: it removes one development server's commands");

await runOrExplain(async () => {
  const target = discordTarget(line.flags["vars-file"]);
  const app = await new ApplicationApi(target.apiBase, target.botToken).read();
  const scope = guild === undefined ? {} : { guildId: guild, clear };
  for (const text of await registerForApplication(target, app, scope)) console.log(text);
  if (guild !== undefined && !clear) {
    console.log(
      `Registered globally too? Then they show twice in that server: npm run register -- --guild ${guild} --clear`,
    );
  }
  if (!clear) for (const text of installLinkLines(app)) console.log(text);
});
