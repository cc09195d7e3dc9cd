// Runs `node scripts/deploy.ts` (or another script) as an operator would, pointed at the fake
// Cloudflare API and the Discord emulator. Asynchronous on purpose: both servers live in this
// process, so a blocking spawn would leave them unable to answer.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningDiscordEmulator } from "../../../emulator/server.ts";
import type { RunningFakeCloudflareApi } from "./fake-cloudflare-api/server.ts";

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** An env file holding what an operator keeps in .dev.vars (never the real .dev.vars). */
export function writeSecretsFile(
  discord: RunningDiscordEmulator,
  extra: Record<string, string> = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), "longflow-deploy-test-"));
  const values = { DISCORD_BOT_TOKEN: discord.botToken, ...extra };
  const file = join(dir, "deploy.vars");
  writeFileSync(
    file,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  );
  return file;
}

/** The environment a script runs in: the fake API, the emulator, no telemetry, no real .dev.vars. */
export function scriptEnv(
  api: RunningFakeCloudflareApi | null,
  discord: RunningDiscordEmulator,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...api?.env(),
    DISCORD_API_BASE: discord.apiBase,
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_LOG_PATH: mkdtempSync(join(tmpdir(), "longflow-wrangler-logs-")),
    ...extra,
  };
  for (const name of ["DISCORD_BOT_TOKEN", "npm_config_dry_run"])
    if (!(name in extra)) delete env[name];
  return env;
}

export function runScript(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<ScriptRun> {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

export function runDeploy(
  api: RunningFakeCloudflareApi,
  discord: RunningDiscordEmulator,
  envFile: string,
  options: { args?: string[]; reachAt?: string } = {},
): Promise<ScriptRun> {
  const env = scriptEnv(
    api,
    discord,
    options.reachAt ? { LONGFLOW_DEPLOYED_ORIGIN: options.reachAt } : {},
  );
  return runScript(
    process.execPath,
    ["scripts/deploy.ts", "--vars-file", envFile, ...(options.args ?? [])],
    env,
  );
}

/** The commands the emulator holds for the application, as Discord would list them. */
export async function registeredCommands(
  discord: RunningDiscordEmulator,
): Promise<{ name: string; integration_types?: number[]; contexts?: number[] }[]> {
  const response = await fetch(
    `${discord.apiBase}/applications/${discord.applicationId}/commands`,
    {
      headers: { authorization: `Bot ${discord.botToken}` },
    },
  );
  if (!response.ok) throw new Error(`emulator answered ${response.status}`);
  return (await response.json()) as { name: string }[];
}

export async function registeredCommandNames(discord: RunningDiscordEmulator): Promise<string[]> {
  return (await registeredCommands(discord)).map((command) => command.name);
}

/** The application as GET /applications/@me shows it. */
export async function applicationOf(discord: RunningDiscordEmulator): Promise<{
  interactions_endpoint_url: string | null;
  integration_types_config: Record<string, unknown>;
}> {
  const response = await fetch(`${discord.apiBase}/applications/@me`, {
    headers: { authorization: `Bot ${discord.botToken}` },
  });
  return (await response.json()) as {
    interactions_endpoint_url: string | null;
    integration_types_config: Record<string, unknown>;
  };
}

/** Requests the emulator recorded whose path contains `match` (its control API). */
export async function emulatorRequests(
  discord: RunningDiscordEmulator,
  match = "",
): Promise<{ method: string; path: string; status: number }[]> {
  const response = await fetch(
    `${discord.origin}/_emulator/requests?match=${encodeURIComponent(match)}`,
  );
  return (
    (await response.json()) as { requests: { method: string; path: string; status: number }[] }
  ).requests;
}
