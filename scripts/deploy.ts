// `npm run deploy`: one command from a Cloudflare account to a running bot. Checks the secrets,
// creates the D1 database and the dead-letter queue when missing, applies the D1 migrations
// remotely, deploys (wrangler creates the R2 bucket and the stage queue when missing, and binds
// everything by name), and registers the slash commands. A re-run creates nothing and changes
// nothing but the Worker version; after a failure it picks up where the last run stopped.
//   npm run deploy -- --dry-run        the plan, and the bundle built offline
//   npm run deploy -- --env-file FILE  secret values from FILE instead of .dev.vars
import { parseArgs } from "node:util";
import { deploySteps } from "./deploy/plan.ts";
import { runSteps } from "./deploy/run-steps.ts";
import { wrangler } from "./deploy/wrangler-cli.ts";

const { values } = parseArgs({
  options: {
    "dry-run": { type: "boolean", default: false },
    "env-file": { type: "string", default: ".dev.vars" },
    config: { type: "string", default: "wrangler.toml" },
  },
});
const dryRun = values["dry-run"];

const steps = deploySteps({ config: values.config, envFile: values["env-file"] });
console.log(dryRun ? "Deploy plan (dry run: nothing is created or changed):" : "Deploying:");
for (const [i, step] of steps.entries()) console.log(`  ${i + 1}. ${step.describe}`);

if (dryRun) {
  const build = wrangler([
    "deploy",
    "--dry-run",
    "--outdir",
    ".wrangler/deploy-dry-run",
    "--config",
    values.config,
  ]);
  console.log(
    build.ok
      ? "dry run: the bundle builds; nothing was deployed."
      : "dry run: the bundle did not build.",
  );
  process.exit(build.ok ? 0 : 1);
}

const outcome = runSteps(steps, (line) => console.log(line));
if (!outcome.ok) {
  console.error(outcome.report);
  process.exit(1);
}
console.log("\nDone. The bot answers at the workers.dev URL above: set <url>/interactions as the");
console.log("Interactions Endpoint URL in the Discord developer portal (once).");
