// A new Cloudflare account (R2 never enabled, no workers.dev subdomain, the Free plan): the
// preflight names every fix with its dashboard link and the deploy creates nothing. After the
// fixes, the same command completes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDiscordEmulator, startDiscordEmulator } from "../../emulator/server.ts";
import {
  type RunningFakeCloudflareApi,
  startFakeCloudflareApi,
} from "./support/fake-cloudflare-api/server.ts";
import {
  emulatorRequests,
  registeredCommandNames,
  runDeploy,
  writeSecretsFile,
} from "./support/run-deploy.ts";
import { type StandInWorker, startStandInWorker } from "./support/stand-in-worker.ts";

let api: RunningFakeCloudflareApi;
let discord: RunningDiscordEmulator;
let worker: StandInWorker;
let envFile: string;

beforeAll(async () => {
  api = await startFakeCloudflareApi();
  discord = await startDiscordEmulator({ port: 0, installTypes: [0] });
  worker = await startStandInWorker(() =>
    api.account.workers.get("longflow-discord-bot")?.secrets.get("DISCORD_PUBLIC_KEY"),
  );
  envFile = writeSecretsFile(discord);
  Object.assign(api.account.setup, { r2Enabled: false, workersSubdomain: null, plan: "free" });
});
afterAll(async () => {
  await Promise.all([api?.close(), discord?.close(), worker?.close()]);
});

describe("npm run deploy on a new Cloudflare account", () => {
  it("fails the preflight, names each fix with its link, and creates nothing", async () => {
    const run = await runDeploy(api, discord, envFile, { reachAt: worker.origin });
    expect(run.status).toBe(1);
    const problems = run.stdout.split("\n").filter((line) => line.startsWith("  ✗"));
    expect(problems).toEqual([
      "  ✗ R2 is not enabled on this account: enable it once in the dashboard at https://dash.cloudflare.com/?to=/:account/r2",
      `  ✗ this account has no workers.dev subdomain: register one at https://dash.cloudflare.com/${api.accountId}/workers/onboarding (or add a route to wrangler.toml)`,
      expect.stringMatching(
        new RegExp(
          `^ {2}✗ this account is on the Workers Free plan; the bot needs Workers Paid because .*10 ms: upgrade at https://dash\\.cloudflare\\.com/${api.accountId}/workers/plans$`,
        ),
      ),
    ]);
    expect(run.stderr).toContain("Preflight failed: nothing was created.");
    expect(run.stderr).not.toMatch(/^\s+at /m);
    // Only reads: no call that creates, uploads or changes anything, on either side.
    expect(api.calls.filter((call) => call.method !== "GET")).toEqual([]);
    expect(api.account.d1.size + api.account.queues.size + api.account.buckets.size).toBe(0);
    expect((await emulatorRequests(discord)).filter((r) => r.method !== "GET")).toEqual([]);
    expect(worker.requests).toEqual([]);
  });

  it("after the fixes in the dashboard, the same command completes", async () => {
    Object.assign(api.account.setup, {
      r2Enabled: true,
      workersSubdomain: "new-account",
      plan: "paid",
    });
    const run = await runDeploy(api, discord, envFile, { reachAt: worker.origin });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      "Interactions Endpoint URL: https://longflow-discord-bot.new-account.workers.dev/interactions",
    );
    expect(await registeredCommandNames(discord)).toContain("ping");
  });
});
