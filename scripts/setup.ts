// `npm run setup -- --url https://<tunnel>/interactions`: the Discord side for a bot that runs
// somewhere this script did not deploy (e.g. `npm run dev` behind a tunnel). Reads the
// application from the bot token, sets the Interactions Endpoint URL (Discord verifies it), and
// registers the global commands.
import { readCommandLine } from "./cli/command-line.ts";
import { botTokenFileFlag, enableUserInstallFlag } from "./cli/shared-flags.ts";
import { connectApplication } from "./discord/connect-application.ts";
import { interactionsUrlProblem } from "./discord/interactions-url.ts";
import { discordTarget, runOrExplain } from "./discord/target.ts";

const line = readCommandLine({
  command: "npm run setup --",
  summary:
    "Points the Discord application behind DISCORD_BOT_TOKEN at a running bot: sets its Interactions\nEndpoint URL (Discord sends it a signed PING first), registers the commands, prints the\ninstall links. The bot must already answer at the URL.",
  flags: {
    url: {
      type: "string",
      value: "<https://…/interactions>",
      description: "where Discord posts interactions (required)",
    },
    "enable-user-install": enableUserInstallFlag,
    "vars-file": botTokenFileFlag,
  },
  examples: [
    "npm run setup -- --url https://example.trycloudflare.com/interactions",
    "npm run setup -- --url https://example.trycloudflare.com/interactions --enable-user-install",
  ],
});
const url =
  line.flags.url ?? line.refuse("--url is required: the https address of your bot's /interactions");
const problem = interactionsUrlProblem(url);
if (problem) line.refuse(problem);

await runOrExplain(async () => {
  await connectApplication(
    discordTarget(line.flags["vars-file"]),
    { endpointUrl: url, enableUserInstall: line.flags["enable-user-install"] },
    (text) => console.log(text),
  );
  console.log("\nNext: type /ping in a server you added the bot to.");
});
