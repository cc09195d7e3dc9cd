// `npm run invite`: the URL that adds the bot to a server, with the scopes and the exact
// permissions it needs, each named with why. Reads DISCORD_APPLICATION_ID from the environment
// or from .dev.vars.
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { inviteText } from "../src/discord/install-link.ts";

const DEV_VARS = ".dev.vars";
const fromFile = existsSync(DEV_VARS) ? parseEnv(readFileSync(DEV_VARS, "utf8")) : {};
const applicationId = process.env.DISCORD_APPLICATION_ID || fromFile.DISCORD_APPLICATION_ID;

if (!applicationId || !/^\d+$/.test(applicationId)) {
  console.error(
    "Set DISCORD_APPLICATION_ID (your app's id, from the Discord developer portal's General Information page) in .dev.vars or the environment.",
  );
  process.exitCode = 1;
} else {
  console.log(inviteText(applicationId));
}
