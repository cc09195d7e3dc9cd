// Plays everything `npm run deploy` reaches, on this machine, and prints the environment that
// points the deploy at it:
//   node test/node/support/fake-cloudflare-api/cli.ts [--new-account]
// the fake Cloudflare API, the Discord emulator (a new application: guild install only) and a
// stand-in for the deployed Worker's workers.dev address. --new-account plays an account that has
// not enabled R2, has no workers.dev subdomain and is on the Workers Free plan. Then, in another
// shell, `npm run deploy` with those variables. Ctrl-C prints the Cloudflare calls made.
import { parseArgs } from "node:util";
import { startDiscordEmulator } from "../../../../emulator/server.ts";
import { startStandInWorker } from "../stand-in-worker.ts";
import { startFakeCloudflareApi } from "./server.ts";

const { values } = parseArgs({ options: { "new-account": { type: "boolean", default: false } } });

const api = await startFakeCloudflareApi();
if (values["new-account"])
  Object.assign(api.account.setup, { r2Enabled: false, workersSubdomain: null, plan: "free" });
const discord = await startDiscordEmulator({ port: 0, installTypes: [0] });
const worker = await startStandInWorker(() =>
  api.account.workers.get("longflow-discord-bot")?.secrets.get("DISCORD_PUBLIC_KEY"),
);
const env = {
  ...api.env(),
  DISCORD_API_BASE: discord.apiBase,
  DISCORD_BOT_TOKEN: discord.botToken,
  LONGFLOW_DEPLOYED_ORIGIN: worker.origin,
};
for (const [name, value] of Object.entries(env)) console.log(`export ${name}=${value}`);
process.on("SIGINT", () => {
  for (const call of api.calls)
    console.log(`${call.status} ${call.method} ${call.path}${call.query} ${call.body}`);
  void Promise.all([api.close(), discord.close(), worker.close()]).then(() => process.exit(0));
});
