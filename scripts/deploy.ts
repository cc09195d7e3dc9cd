// `npm run deploy`: one command from a Cloudflare account and a Discord bot token to a running
// bot. A preflight that only reads (account, R2, workers.dev subdomain, plan, secrets, the Discord
// application) comes first and stops the deploy before anything is created. Then: the D1
// database and the dead-letter queue when missing, the remote D1 migrations, `wrangler deploy`
// (which creates the R2 bucket and the stage queue), GET /health on the Worker, and on Discord
// the Interactions Endpoint URL and the commands. A re-run creates nothing and changes nothing but
// the Worker version; after a failure it picks up where the last run stopped.
import { unstable_readConfig } from "wrangler";
import { readCommandLine } from "./cli/command-line.ts";
import { DEFAULT_ENV_FILE } from "./cli/env-values.ts";
import { enableUserInstallFlag } from "./cli/shared-flags.ts";
import { type DeployResult, deploySteps, liveViewOrigin } from "./deploy/plan.ts";
import { preflight } from "./deploy/preflight.ts";
import { runSteps } from "./deploy/run-steps.ts";
import { wrangler } from "./deploy/wrangler-cli.ts";

const line = readCommandLine({
  command: "npm run deploy --",
  summary:
    "Deploys the bot to Cloudflare and connects it to Discord. Needs CLOUDFLARE_API_TOKEN and\nCLOUDFLARE_ACCOUNT_ID in the environment and DISCORD_BOT_TOKEN (environment or env file); the\napplication id and public key are read from Discord. Checks everything first and creates\nnothing when a check fails.",
  flags: {
    "dry-run": {
      type: "boolean",
      default: false,
      description: "print the plan, run the preflight, build the bundle; create nothing",
    },
    "enable-user-install": enableUserInstallFlag,
    "vars-file": {
      type: "string",
      value: "<file>",
      default: DEFAULT_ENV_FILE,
      description: "secret values not in the environment",
    },
    config: {
      type: "string",
      value: "<file>",
      default: "wrangler.toml",
      description: "wrangler's configuration",
    },
  },
  examples: [
    "npm run deploy",
    "npm run deploy -- --dry-run",
    "npm run deploy -- --enable-user-install",
  ],
});
const { flags } = line;
const dryRun = flags["dry-run"];
const config = unstable_readConfig({ config: flags.config });
const options = {
  config,
  configPath: flags.config,
  envFile: flags["vars-file"],
  enableUserInstall: flags["enable-user-install"],
  ...(process.env.LONGFLOW_DEPLOYED_ORIGIN
    ? { reachAt: process.env.LONGFLOW_DEPLOYED_ORIGIN }
    : {}),
};

const planned = deploySteps(options, null, {});
console.log(dryRun ? "Deploy plan (dry run: nothing is created or changed):" : "Deploy plan:");
console.log(
  "  0. preflight: account, R2, workers.dev subdomain, plan, secrets, Discord application (reads only)",
);
for (const [i, step] of planned.entries()) console.log(`  ${i + 1}. ${step.describe}`);

console.log("\nPreflight (creates nothing):");
const checked = await preflight(config, flags["vars-file"]);
for (const text of checked.lines) console.log(text);

if (dryRun) {
  const build = wrangler(
    ["deploy", "--dry-run", "--outdir", ".wrangler/deploy-dry-run", "--config", flags.config],
    {
      quiet: true,
    },
  );
  if (!checked.ok)
    console.log("\ndry run: the preflight found problems (✗ above); a deploy would stop there.");
  console.log(
    build.ok
      ? "\ndry run: the bundle builds; nothing was deployed."
      : `\ndry run: the bundle did not build:\n${build.stderr}`,
  );
  process.exit(build.ok ? 0 : 1);
}
if (!checked.ok) {
  console.error(
    "\nPreflight failed: nothing was created. Fix the lines marked ✗, then run `npm run deploy` again.",
  );
  process.exit(1);
}

const result: DeployResult = {};
const outcome = await runSteps(deploySteps(options, checked.facts, result), (text) =>
  console.log(text),
);
if (!outcome.ok) {
  console.error(outcome.report);
  process.exit(1);
}
const publicBaseUrl = liveViewOrigin(config, checked.facts);
console.log(`
Done. The bot runs at ${result.workerOrigin}
  Interactions Endpoint URL: ${result.workerOrigin}/interactions
  Live view: ${publicBaseUrl ? `on (${publicBaseUrl}/w/<workflow id>)` : "off: set PUBLIC_BASE_URL in wrangler.toml to the Worker's origin"}
${options.reachAt ? `  (reached at ${options.reachAt}: LONGFLOW_DEPLOYED_ORIGIN is set)\n` : ""}
Next: type /ping in a server you added the bot to (the install links are above).`);
