// Runs `node scripts/deploy.ts` as an operator would, pointed at the fake Cloudflare API and the
// Discord emulator. Asynchronous on purpose: both servers live in this process, so a blocking
// spawn would leave them unable to answer.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { RunningDiscordEmulator } from "../../../emulator/server.ts";
import type { RunningFakeCloudflareApi } from "./fake-cloudflare-api/server.ts";

export interface DeployRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** An env file holding the secrets an operator keeps in .dev.vars (never the real .dev.vars). */
export function writeSecretsFile(
  discord: RunningDiscordEmulator,
  extra: Record<string, string> = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), "longflow-deploy-test-"));
  const values = {
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_PUBLIC_KEY: discord.publicKeyHex,
    DISCORD_BOT_TOKEN: discord.botToken,
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    ...extra,
  };
  const file = join(dir, "deploy.vars");
  writeFileSync(
    file,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  );
  return file;
}

export function runDeploy(
  api: RunningFakeCloudflareApi,
  discord: RunningDiscordEmulator,
  envFile: string,
  args: string[] = [],
): Promise<DeployRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...api.env(),
    PATH: `${resolve("node_modules/.bin")}:${process.env.PATH ?? ""}`,
    DISCORD_API_BASE: discord.apiBase,
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_LOG_PATH: mkdtempSync(join(tmpdir(), "longflow-wrangler-logs-")),
  };
  const child = spawn("node", ["scripts/deploy.ts", "--env-file", envFile, ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
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

/** The names of the commands the emulator holds for the application, as Discord would list them. */
export async function registeredCommandNames(discord: RunningDiscordEmulator): Promise<string[]> {
  const response = await fetch(
    `${discord.apiBase}/applications/${discord.applicationId}/commands`,
    {
      headers: { authorization: `Bot ${discord.botToken}` },
    },
  );
  if (!response.ok) throw new Error(`emulator answered ${response.status}`);
  return ((await response.json()) as { name: string }[]).map((command) => command.name);
}
