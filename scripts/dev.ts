// `npm run dev`: `wrangler dev` on this machine with your own .dev.vars (a real Discord
// application behind a tunnel, see `npm run setup`), after applying the D1 migrations to the
// local database so the first request finds its tables. The application id and public key are
// read from Discord with DISCORD_BOT_TOKEN unless .dev.vars sets them.
import { spawn, spawnSync } from "node:child_process";
import { integerFlag, readCommandLine } from "./cli/command-line.ts";
import { DEFAULT_ENV_FILE, envValues } from "./cli/env-values.ts";
import { wranglerCommand } from "./cli/wrangler-command.ts";
import { ApplicationApi } from "./discord/application.ts";
import { discordTarget, runOrExplain } from "./discord/target.ts";

const line = readCommandLine({
  command: "npm run dev --",
  summary:
    "Applies the D1 migrations locally, then runs `wrangler dev` with .dev.vars (your own Discord\napplication; expose it with a tunnel and point Discord at it with `npm run setup`).",
  flags: {
    port: {
      type: "string",
      value: "<port>",
      default: "8787",
      description: "where the bot listens",
    },
  },
  examples: ["npm run dev", "npm run dev -- --port 8790"],
});
const port = integerFlag(line, "port", line.flags.port, { min: 1, max: 65535 });

const applicationVars: string[] = [];
const local = envValues(DEFAULT_ENV_FILE);
if (!local.DISCORD_PUBLIC_KEY || !local.DISCORD_APPLICATION_ID) {
  await runOrExplain(async () => {
    const target = discordTarget(DEFAULT_ENV_FILE);
    const app = await new ApplicationApi(target.apiBase, target.botToken).read();
    applicationVars.push("--var", `DISCORD_APPLICATION_ID:${app.id}`);
    applicationVars.push("--var", `DISCORD_PUBLIC_KEY:${app.verifyKey}`);
  });
  if (process.exitCode === 1) process.exit(1);
}
const migrations = spawnSync(...wranglerCommand(["d1", "migrations", "apply", "DB", "--local"]), {
  stdio: "inherit",
});
if (migrations.status !== 0) {
  console.error("Applying the local D1 migrations failed (wrangler's error is above).");
  process.exit(1);
}
const dev = spawn(...wranglerCommand(["dev", "--port", String(port), ...applicationVars]), {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => dev.kill(signal));
dev.once("exit", (code) => process.exit(code ?? 1));
