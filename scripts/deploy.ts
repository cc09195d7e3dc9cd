// `npm run deploy`: one command from a Cloudflare account to a running bot. Creates what is
// missing (D1 database, R2 bucket, queues), records the D1 id in wrangler.toml, applies the D1
// migrations remotely, deploys, and registers the slash commands. Re-running changes nothing
// that exists. `npm run deploy -- --dry-run` prints the plan and builds the bundle offline.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { unstable_readConfig } from "wrangler";

const CONFIG = "wrangler.toml";
const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });
const dryRun = values["dry-run"];

interface Step {
  describe: string;
  run: () => void;
}

function wrangler(
  args: string[],
  options: { quiet?: boolean } = {},
): { ok: boolean; stdout: string } {
  const result = spawnSync("wrangler", args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", options.quiet ? "pipe" : "inherit"],
  });
  if (!options.quiet && result.stdout) process.stdout.write(result.stdout);
  return { ok: result.status === 0, stdout: result.stdout ?? "" };
}

function must(args: string[]): string {
  const result = wrangler(args);
  if (!result.ok) throw new Error(`wrangler ${args.join(" ")} failed`);
  return result.stdout;
}

function ensureD1(name: string, configuredId: string): Step {
  return {
    describe: `D1 database "${name}": create if missing, record its id in ${CONFIG}`,
    run: () => {
      const find = () =>
        (
          JSON.parse(wrangler(["d1", "list", "--json"], { quiet: true }).stdout || "[]") as {
            name: string;
            uuid: string;
          }[]
        ).find((db) => db.name === name);
      let existing = find();
      if (!existing) {
        must(["d1", "create", name]);
        existing = find();
      }
      if (!existing) throw new Error(`D1 database ${name} was not found after creating it`);
      if (existing.uuid !== configuredId) {
        const text = readFileSync(CONFIG, "utf8");
        writeFileSync(
          CONFIG,
          text.replace(`database_id = "${configuredId}"`, `database_id = "${existing.uuid}"`),
        );
        console.log(`recorded database_id ${existing.uuid} in ${CONFIG}`);
      }
    },
  };
}

function ensureBy(kind: "r2 bucket" | "queues", name: string): Step {
  const [group, ...rest] = kind.split(" ");
  const base = [group ?? kind, ...rest];
  return {
    describe: `${kind === "queues" ? "queue" : "R2 bucket"} "${name}": create if missing`,
    run: () => {
      if (wrangler([...base, "info", name], { quiet: true }).ok) return;
      must([...base, "create", name]);
    },
  };
}

function plan(): Step[] {
  const config = unstable_readConfig({ config: CONFIG });
  const steps: Step[] = [];
  for (const db of config.d1_databases)
    steps.push(ensureD1(db.database_name ?? db.binding, db.database_id ?? ""));
  for (const bucket of config.r2_buckets)
    steps.push(ensureBy("r2 bucket", bucket.bucket_name ?? bucket.binding));
  const queues = new Set<string>();
  for (const producer of config.queues.producers ?? []) queues.add(producer.queue);
  for (const consumer of config.queues.consumers ?? []) {
    queues.add(consumer.queue);
    if (consumer.dead_letter_queue) queues.add(consumer.dead_letter_queue);
  }
  for (const queue of queues) steps.push(ensureBy("queues", queue));
  for (const db of config.d1_databases) {
    steps.push({
      describe: `apply D1 migrations to "${db.binding}" (remote)`,
      run: () => void must(["d1", "migrations", "apply", db.binding, "--remote"]),
    });
  }
  steps.push({ describe: "deploy the Worker", run: () => void must(["deploy"]) });
  steps.push({
    describe:
      "register the slash commands (DISCORD_APPLICATION_ID, DISCORD_BOT_TOKEN from the environment or .dev.vars)",
    run: () => {
      const result = spawnSync("node", ["src/register.ts"], { stdio: "inherit" });
      if (result.status !== 0) throw new Error("command registration failed");
    },
  });
  return steps;
}

const steps = plan();
console.log(dryRun ? "Deploy plan (dry run: nothing is created or changed):" : "Deploying:");
for (const [i, step] of steps.entries()) console.log(`  ${i + 1}. ${step.describe}`);
if (dryRun) {
  const build = wrangler(["deploy", "--dry-run", "--outdir", ".wrangler/deploy-dry-run"]);
  console.log(
    build.ok
      ? "dry run: the bundle builds; nothing was deployed."
      : "dry run: the bundle did not build.",
  );
  process.exit(build.ok ? 0 : 1);
}
try {
  for (const [i, step] of steps.entries()) {
    console.log(`\n[${i + 1}/${steps.length}] ${step.describe}`);
    step.run();
  }
  console.log(
    "\nDone. Set the secrets once with `wrangler secret put` (see README) if you have not yet.",
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
