// `npm run invite`: the links that add the bot to a server (with the exact permissions it needs,
// each with why) and to a user's account. The application is read from the bot token.
import { BOT_PERMISSIONS, botPermissionBits } from "../src/discord/install-link.ts";
import { readCommandLine } from "./cli/command-line.ts";
import { botTokenFileFlag } from "./cli/shared-flags.ts";
import { ApplicationApi } from "./discord/application.ts";
import { installLinkLines } from "./discord/connect-application.ts";
import { discordTarget, runOrExplain } from "./discord/target.ts";

const line = readCommandLine({
  command: "npm run invite --",
  summary:
    "Prints the server install link (scopes bot applications.commands, with the permissions the bot\nneeds) and the user install link, for the application behind DISCORD_BOT_TOKEN.",
  flags: {
    "vars-file": botTokenFileFlag,
  },
  examples: ["npm run invite"],
});

await runOrExplain(async () => {
  const target = discordTarget(line.flags["vars-file"]);
  const app = await new ApplicationApi(target.apiBase, target.botToken).read();
  for (const text of installLinkLines(app).slice(1)) console.log(text);
  console.log(`\nPermissions (integer ${botPermissionBits()}):`);
  for (const p of BOT_PERMISSIONS) console.log(`  - ${p.name}: ${p.why}`);
  console.log(
    "\nWithout the bot scope the commands still appear, but runs longer than 15 minutes cannot\npost their result in the channel; it then waits for /retrieve_results.",
  );
});
