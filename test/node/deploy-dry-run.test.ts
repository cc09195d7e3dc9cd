// `--dry-run` however npm passes it: `npm run deploy --dry-run` (npm keeps the flag and the script
// sees only npm_config_dry_run=true) and `npm run deploy -- --dry-run` both print the plan, run
// the read-only preflight, build the bundle, and create, upload and change nothing.
import { existsSync, readFileSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDiscordEmulator, startDiscordEmulator } from "../../emulator/server.ts";
import {
  type RunningFakeCloudflareApi,
  startFakeCloudflareApi,
} from "./support/fake-cloudflare-api/server.ts";
import { emulatorRequests, runScript, scriptEnv } from "./support/run-deploy.ts";

let api: RunningFakeCloudflareApi;
let discord: RunningDiscordEmulator;
const configBefore = readFileSync("wrangler.toml", "utf8");

beforeAll(async () => {
  api = await startFakeCloudflareApi();
  discord = await startDiscordEmulator({ port: 0 });
});
afterAll(async () => {
  await Promise.all([api?.close(), discord?.close()]);
});

const env = () => scriptEnv(api, discord, { DISCORD_BOT_TOKEN: discord.botToken });

describe("npm run deploy, dry run", () => {
  it.each([
    ["npm run deploy --dry-run", ["run", "deploy", "--dry-run"]],
    ["npm run deploy -- --dry-run", ["run", "deploy", "--", "--dry-run"]],
  ])("%s: the plan, the preflight and the bundle; nothing created or uploaded", async (_, args) => {
    const callsBefore = api.calls.length;
    const run = await runScript("npm", args, env());
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Deploy plan (dry run: nothing is created or changed):");
    expect(run.stdout).toContain('D1 database "longflow": create if missing');
    expect(run.stdout).toContain('queue "longflow-stages-dlq": create if missing');
    expect(run.stdout).toContain(
      'it creates R2 bucket "longflow-results", queue "longflow-stages", queue "longflow-bulk-stages", queue "longflow-file-replies" if missing',
    );
    expect(run.stdout).toContain("Discord: set the Interactions Endpoint URL");
    expect(run.stdout).toContain("  ✓ R2 is enabled");
    expect(run.stdout).toContain("dry run: the bundle builds; nothing was deployed.");
    const calls = api.calls.slice(callsBefore);
    // The preflight read the account; nothing else was asked, let alone created or uploaded.
    expect(calls.map((call) => call.path)).toContain(`/accounts/${api.accountId}/r2/buckets`);
    expect(calls.filter((call) => call.method !== "GET")).toEqual([]);
    expect(api.account.d1.size + api.account.queues.size + api.account.workers.size).toBe(0);
    expect((await emulatorRequests(discord)).filter((r) => r.method !== "GET")).toEqual([]);
    expect(statSync(".wrangler/deploy-dry-run/index.js").size).toBeGreaterThan(10_000);
    expect(existsSync(".wrangler/deploy-dry-run/index.js")).toBe(true);
    expect(readFileSync("wrangler.toml", "utf8")).toBe(configBefore);
  });
});
