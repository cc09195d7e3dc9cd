// The deploy as a list of steps, read from wrangler.toml. What wrangler creates during the upload
// (R2 buckets, producer queues) is named in the plan but left to it. The steps run only after the
// preflight passed; they use what it found (the workers.dev subdomain, the Discord application,
// the secrets to upload).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { unstable_readConfig } from "wrangler";
import { connectApplication } from "../discord/connect-application.ts";
import type { PreflightFacts } from "./preflight.ts";
import { ensureD1Database, ensureQueue } from "./resources.ts";
import type { Step } from "./run-steps.ts";
import { describeSecrets } from "./secrets.ts";
import { waitForHealth } from "./worker-health.ts";
import { mustWrangler } from "./wrangler-cli.ts";
import { deployedWorker } from "./wrangler-output.ts";

type Config = ReturnType<typeof unstable_readConfig>;
type Producer = { queue: string };
type Consumer = { queue: string; dead_letter_queue?: string };

export interface DeployOptions {
  config: Config;
  configPath: string;
  envFile: string;
  enableUserInstall: boolean;
  /**
   * Where this script reaches the deployed Worker, instead of the URL wrangler reports. Only the
   * deploy tests set it (LONGFLOW_DEPLOYED_ORIGIN), to a local stand-in for workers.dev.
   */
  reachAt?: string;
}

/** What the steps learn as they go, for the summary at the end. */
export interface DeployResult {
  workerOrigin?: string;
  reachedAt?: string;
}

/** Queues consumed but not produced to: wrangler's upload does not create those. */
export function consumedOnlyQueues(config: Config): string[] {
  const produced = new Set<string>((config.queues.producers ?? []).map((p: Producer) => p.queue));
  const consumers: Consumer[] = config.queues.consumers ?? [];
  const consumed = consumers.flatMap((c) =>
    c.dead_letter_queue ? [c.queue, c.dead_letter_queue] : [c.queue],
  );
  return [...new Set(consumed)].filter((queue) => !produced.has(queue));
}

/** Steps without facts describe the plan (dry run); they refuse to run. */
export function deploySteps(
  options: DeployOptions,
  facts: PreflightFacts | null,
  result: DeployResult,
): Step[] {
  const { config } = options;
  const need = (): PreflightFacts => {
    if (!facts) throw new Error("the preflight did not run");
    return facts;
  };
  const steps: Step[] = [];
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
          options.configPath,
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
    describe: `deploy the Worker with its secrets (wrangler deploy; it creates ${createdByUpload.join(", ")} if missing)`,
    run: () => {
      const known = need();
      const deployed = deployWorker(options, known);
      result.workerOrigin = deployed.origin;
      result.reachedAt = options.reachAt ?? deployed.origin;
      return `${deployed.origin} (${describeSecrets(known.secrets, options.envFile)})`;
    },
  });
  steps.push({
    describe: "check GET /health on the deployed Worker",
    run: () => waitForHealth(reached(result)),
  });
  steps.push({
    describe: `Discord: set the Interactions Endpoint URL, ${options.enableUserInstall ? "enable user install, " : ""}register the global commands`,
    run: async () => {
      const lines: string[] = [];
      await connectApplication(
        need().discord,
        {
          endpointUrl: `${reached(result)}/interactions`,
          enableUserInstall: options.enableUserInstall,
        },
        (line) => lines.push(line),
      );
      return lines.map((line, i) => (i === 0 || line === "" ? line : `    ${line}`)).join("\n");
    },
  });
  return steps;
}

function reached(result: DeployResult): string {
  if (!result.reachedAt) throw new Error("the Worker was not deployed");
  return result.reachedAt;
}

/**
 * `wrangler deploy`, sending the secrets in a file that lives only for the call, the live view's
 * origin as PUBLIC_BASE_URL (the workers.dev URL, unless wrangler.toml names one), and reading
 * where the Worker went from wrangler's output file.
 */
function deployWorker(options: DeployOptions, facts: PreflightFacts): { origin: string } {
  const dir = mkdtempSync(join(tmpdir(), "longflow-deploy-"));
  try {
    const secretsFile = join(dir, "secrets.json");
    writeFileSync(secretsFile, JSON.stringify(facts.secrets.upload), { mode: 0o600 });
    const args = ["deploy", "--config", options.configPath, "--secrets-file", secretsFile];
    const publicBaseUrl = liveViewOrigin(options.config, facts);
    if (publicBaseUrl) args.push("--var", `PUBLIC_BASE_URL:${publicBaseUrl}`);
    const outputFile = join(dir, "wrangler-output.json");
    // The temporary file's path means nothing after the call; the message names the command.
    mustWrangler(args, "wrangler deploy --secrets-file <secrets>", {
      env: { WRANGLER_OUTPUT_FILE_PATH: outputFile },
    });
    return deployedWorker(outputFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PUBLIC_BASE_URL: wrangler.toml's when set, else the Worker's workers.dev origin. */
export function liveViewOrigin(config: Config, facts: PreflightFacts): string | null {
  const configured = (config.vars as Record<string, unknown>).PUBLIC_BASE_URL;
  if (typeof configured === "string" && configured !== "") return configured;
  return facts.workersDev ? `https://${config.name}.${facts.workersDev}` : null;
}
