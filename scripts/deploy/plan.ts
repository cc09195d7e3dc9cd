// The deploy as a list of steps, read from wrangler.toml. What wrangler creates during the upload
// (R2 buckets, producer queues) is named in the plan but left to it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unstable_readConfig } from "wrangler";
import { ensureD1Database, ensureQueue } from "./resources.ts";
import type { Step } from "./run-steps.ts";
import { localValues, planSecrets, remoteSecretNames, type SecretsPlan } from "./secrets.ts";
import { mustWrangler } from "./wrangler-cli.ts";

export interface DeployOptions {
  config: string;
  /** Where secret values come from after the environment (.dev.vars by default). */
  envFile: string;
}

type Config = ReturnType<typeof unstable_readConfig>;
type Producer = { queue: string };
type Consumer = { queue: string; dead_letter_queue?: string };

/** Queues consumed but not produced to: wrangler's upload does not create those. */
export function consumedOnlyQueues(config: Config): string[] {
  const produced = new Set<string>((config.queues.producers ?? []).map((p: Producer) => p.queue));
  const consumers: Consumer[] = config.queues.consumers ?? [];
  const consumed = consumers.flatMap((c) =>
    c.dead_letter_queue ? [c.queue, c.dead_letter_queue] : [c.queue],
  );
  return [...new Set(consumed)].filter((queue) => !produced.has(queue));
}

export function deploySteps(options: DeployOptions): Step[] {
  const config = unstable_readConfig({ config: options.config });
  const required = config.secrets?.required ?? [];
  let secrets: SecretsPlan | undefined;
  const steps: Step[] = [
    {
      describe: `check the secrets (required: ${required.join(", ")})`,
      run: () => {
        secrets = planSecrets(required, remoteSecretNames(), localValues(options.envFile));
        if (secrets.missing.length > 0) {
          throw new Error(
            `not set on Cloudflare and not found in the environment or ${options.envFile}: ${secrets.missing.join(", ")}`,
          );
        }
        const sending = Object.keys(secrets.upload);
        const off =
          secrets.absentOptional.length > 0
            ? `; optional, unset: ${secrets.absentOptional.join(", ")}`
            : "";
        return `${sending.length > 0 ? `to upload: ${sending.join(", ")}` : "all set on Cloudflare"}${off}`;
      },
    },
  ];
  for (const db of config.d1_databases) {
    const name = db.database_name ?? db.binding;
    steps.push({
      describe: `D1 database "${name}": create if missing`,
      run: () => ensureD1Database(name),
    });
  }
  for (const queue of consumedOnlyQueues(config)) {
    steps.push({ describe: `queue "${queue}": create if missing`, run: () => ensureQueue(queue) });
  }
  for (const db of config.d1_databases) {
    steps.push({
      describe: `apply D1 migrations to "${db.database_name ?? db.binding}" (remote)`,
      run: () => {
        const output = mustWrangler([
          "d1",
          "migrations",
          "apply",
          db.binding,
          "--remote",
          "--config",
          options.config,
        ]);
        return /No migrations to apply/.test(output) ? "none to apply" : "applied";
      },
    });
  }
  const createdByUpload = [
    ...config.r2_buckets.map(
      (b: { binding: string; bucket_name?: string }) => `R2 bucket "${b.bucket_name ?? b.binding}"`,
    ),
    ...(config.queues.producers ?? []).map((p: Producer) => `queue "${p.queue}"`),
  ];
  steps.push({
    describe: `deploy the Worker (wrangler deploy; it creates ${createdByUpload.join(", ")} if missing)`,
    run: () => deployWorker(options.config, secrets?.upload ?? {}),
  });
  steps.push({
    describe:
      "register the slash commands (DISCORD_APPLICATION_ID, DISCORD_BOT_TOKEN from the environment or the env file)",
    run: () => {
      const result = spawnSync("node", ["src/register.ts", "--env-file", options.envFile], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      });
      if (result.status !== 0) throw new Error("command registration failed");
      return result.stdout.trim();
    },
  });
  return steps;
}

/** `wrangler deploy`, sending the secrets to upload in a file that lives only for the call. */
function deployWorker(config: string, secrets: Record<string, string>): string {
  const args = ["deploy", "--config", config];
  const dir = mkdtempSync(join(tmpdir(), "longflow-deploy-"));
  try {
    if (Object.keys(secrets).length > 0) {
      const file = join(dir, "secrets.json");
      writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
      args.push("--secrets-file", file);
    }
    // The temporary file's path means nothing after the call; the message names the command.
    const output = mustWrangler(
      args,
      `wrangler deploy${args.includes("--secrets-file") ? " --secrets-file <secrets>" : ""}`,
    );
    const version = /Current Version ID: (\S+)/.exec(output)?.[1];
    return version ? `version ${version}` : "deployed";
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
