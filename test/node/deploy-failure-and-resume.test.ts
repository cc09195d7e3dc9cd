// A deploy that fails midway says what was done, what failed and what was not done, and a re-run
// completes without creating anything twice. A deploy without the bot token stops in the
// preflight, before touching anything.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningDiscordEmulator, startDiscordEmulator } from "../../emulator/server.ts";
import { creations } from "./support/deploy-sequence.ts";
import { callLines } from "./support/fake-cloudflare-api/recording.ts";
import {
  type RunningFakeCloudflareApi,
  startFakeCloudflareApi,
} from "./support/fake-cloudflare-api/server.ts";
import { registeredCommandNames, runDeploy, writeSecretsFile } from "./support/run-deploy.ts";
import { type StandInWorker, startStandInWorker } from "./support/stand-in-worker.ts";

let api: RunningFakeCloudflareApi;
let discord: RunningDiscordEmulator;
let standIn: StandInWorker;

beforeEach(async () => {
  api = await startFakeCloudflareApi();
  discord = await startDiscordEmulator({ port: 0 });
  standIn = await startStandInWorker(() =>
    api.account.workers.get("longflow-discord-bot")?.secrets.get("DISCORD_PUBLIC_KEY"),
  );
});
afterEach(async () => {
  await Promise.all([api?.close(), discord?.close(), standIn?.close()]);
});

describe("npm run deploy when something fails", () => {
  it("the upload answers 500: a report of done / failed / not done, then a re-run completes", async () => {
    const envFile = writeSecretsFile(discord);
    api.fail({
      method: "PUT",
      path: /^\/accounts\/[^/]+\/workers\/scripts\/longflow-discord-bot$/,
      status: 500,
    });

    const failed = await runDeploy(api, discord, envFile, { reachAt: standIn.origin });
    expect(failed.status).toBe(1);
    const report = failed.stderr.slice(failed.stderr.indexOf("Deploy stopped."));
    expect(report).toContain('Done:\n  1. D1 database "longflow": create if missing: created');
    expect(report).toContain('2. queue "longflow-stages-dlq": create if missing: created');
    expect(report).toContain('3. apply D1 migrations to "longflow" (remote): applied');
    expect(report).toMatch(
      /Failed:\n {2}4\. deploy the Worker .*: `wrangler deploy --secrets-file <secrets>` failed/,
    );
    expect(report).toMatch(
      /Not done:\n {2}5\. check GET \/health .*\n {2}6\. Discord: set the Interactions Endpoint URL/,
    );
    expect(report).toContain("Run `npm run deploy` again");
    // wrangler retries a 5xx upload twice before giving up
    const lines = callLines(api.calls, api.accountId);
    expect(lines.filter((l) => l.startsWith("500 PUT"))).toHaveLength(3);
    expect(api.account.workers.size).toBe(0);
    expect(await registeredCommandNames(discord)).toEqual([]);
    const createdByFailedRun = creations(api.calls, api.accountId);
    // D1, dead-letter queue, R2 bucket, stage queue, bulk stage queue, file-reply queue
    expect(createdByFailedRun).toHaveLength(6);

    api.clearFaults();
    const callsBefore = api.calls.length;
    const resumed = await runDeploy(api, discord, envFile, { reachAt: standIn.origin });
    expect(resumed.status, resumed.stderr).toBe(0);
    const resumedCalls = api.calls.slice(callsBefore);
    expect(creations(resumedCalls, api.accountId)).toEqual([]);
    expect(callLines(resumedCalls, api.accountId)).toContain(
      "200 PUT /accounts/:account/workers/scripts/longflow-discord-bot",
    );
    // the migrations applied by the failed run are not applied again
    expect(resumed.stdout).toContain('apply D1 migrations to "longflow" (remote)\n');
    expect(resumed.stdout).toMatch(/→ none to apply/);
    expect(api.account.workers.get("longflow-discord-bot")?.secrets.size).toBe(5);
    expect(await registeredCommandNames(discord)).toContain("retrieve_results");
  });

  it("no bot token: the preflight says where to get one and nothing is touched", async () => {
    const envFile = writeSecretsFile(discord, { DISCORD_BOT_TOKEN: "" });
    const run = await runDeploy(api, discord, envFile, { reachAt: standIn.origin });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `  ✗ Set DISCORD_BOT_TOKEN in ${envFile} or the environment: the Bot page of your application at https://discord.com/developers/applications (Reset Token).`,
    );
    expect(run.stderr).toContain("Preflight failed: nothing was created.");
    expect(api.calls.filter((call) => call.method !== "GET")).toEqual([]);
  });

  it("a bot token Discord refuses: one line saying so, nothing created", async () => {
    const envFile = writeSecretsFile(discord, { DISCORD_BOT_TOKEN: "not-the-token" });
    const run = await runDeploy(api, discord, envFile, { reachAt: standIn.origin });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("  ✗ Discord refused DISCORD_BOT_TOKEN (401)");
    expect(api.calls.filter((call) => call.method !== "GET")).toEqual([]);
  });
});
