// `npm run deploy` end to end against the fake Cloudflare API and the Discord emulator: the first
// run on an empty account passes the preflight, creates everything, checks /health, sets the
// Interactions Endpoint URL (which the emulator validates with a signed PING) and registers the
// commands the application's install types allow; the second creates nothing and changes nothing
// but the Worker version. The Worker's workers.dev URL is played by a local stand-in.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDiscordEmulator, startDiscordEmulator } from "../../emulator/server.ts";
import { creations, deploySequence } from "./support/deploy-sequence.ts";
import {
  type RunningFakeCloudflareApi,
  startFakeCloudflareApi,
} from "./support/fake-cloudflare-api/server.ts";
import { accountSnapshot } from "./support/fake-cloudflare-api/snapshot.ts";
import {
  applicationOf,
  registeredCommands,
  runDeploy,
  writeSecretsFile,
} from "./support/run-deploy.ts";
import { type StandInWorker, startStandInWorker } from "./support/stand-in-worker.ts";

const WORKER = "/accounts/:account/workers/scripts/longflow-discord-bot";
let api: RunningFakeCloudflareApi;
let discord: RunningDiscordEmulator;
let standIn: StandInWorker;
let envFile: string;
const configBefore = readFileSync("wrangler.toml", "utf8");

beforeAll(async () => {
  api = await startFakeCloudflareApi();
  // A new application: guild install only.
  discord = await startDiscordEmulator({ port: 0, installTypes: [0] });
  standIn = await startStandInWorker(() =>
    api.account.workers.get("longflow-discord-bot")?.secrets.get("DISCORD_PUBLIC_KEY"),
  );
  envFile = writeSecretsFile(discord, { METRICS_TOKEN: "metrics-token-for-the-deploy-test" });
});
afterAll(async () => {
  await Promise.all([api?.close(), discord?.close(), standIn?.close()]);
});

/** The preflight's reads, before anything is created. */
const PREFLIGHT = (secrets: 200 | 404) => [
  "200 GET /accounts/:account",
  "200 GET /accounts/:account/r2/buckets",
  "200 GET /accounts/:account/workers/subdomain",
  "200 GET /accounts/:account/subscriptions",
  `${secrets} GET ${WORKER}/secrets`,
];

/** The project's D1 migrations: a first deploy applies each one. */
const MIGRATION_FILES = readdirSync("migrations")
  .filter((name) => name.endsWith(".sql"))
  .sort();

describe("npm run deploy against a recorded Cloudflare API", () => {
  let afterFirstRun: ReturnType<typeof accountSnapshot>;
  let firstRunCalls = 0;

  it("first run on an empty account: checks, creates, migrates, uploads, connects Discord", async () => {
    const run = await runDeploy(api, discord, envFile, { reachAt: standIn.origin });
    expect(run.status, run.stderr).toBe(0);
    const { untilUpload, afterUpload } = deploySequence(api.calls, api.accountId);
    expect(untilUpload).toEqual([
      // 0. preflight: the Worker does not exist yet, so every secret goes with the upload
      ...PREFLIGHT(404),
      // 1. D1 database, created by name
      "200 GET /accounts/:account/d1/database",
      "200 POST /accounts/:account/d1/database",
      // 2. the dead-letter queue, which wrangler would not create
      "200 GET /accounts/:account/queues name=longflow-stages-dlq",
      "200 POST /accounts/:account/queues",
      // 3. migrations: bookkeeping table, applied list, then one query per migration
      ...Array(2 + MIGRATION_FILES.length)
        .fill([
          "200 GET /accounts/:account/d1/database/longflow",
          "200 POST /accounts/:account/d1/database/:id/query",
        ])
        .flat(),
      // 4. wrangler deploy: first deploy, provisioning of R2 and the stage queues, then the upload
      "404 GET /accounts/:account/workers/services/longflow-discord-bot",
      `404 GET ${WORKER}/secrets`,
      "200 GET /accounts/:account/queues name=longflow-stages-dlq",
      "200 GET /accounts/:account/workers/subdomain",
      `404 GET ${WORKER}/deployments`,
      "404 GET /accounts/:account/workers/services/longflow-discord-bot",
      `404 GET ${WORKER}/settings`,
      "200 GET /accounts/:account/queues name=longflow-stages",
      "200 GET /accounts/:account/queues name=longflow-bulk-stages",
      "200 GET /accounts/:account/queues name=longflow-file-replies",
      "404 GET /accounts/:account/r2/buckets/longflow-results",
      "200 GET /accounts/:account/d1/database/longflow",
      "200 GET /accounts/:account/r2/buckets",
      "200 POST /accounts/:account/r2/buckets",
      "200 GET /accounts/:account/queues",
      "200 POST /accounts/:account/queues",
      "200 POST /accounts/:account/queues",
      "200 POST /accounts/:account/queues",
      `200 PUT ${WORKER}`,
    ]);
    expect(afterUpload).toEqual(
      [
        "200 GET /accounts/:account/workers/workers/longflow-discord-bot",
        "200 GET /accounts/:account/workers/subdomain",
        `200 POST ${WORKER}/subdomain`,
        `200 PUT ${WORKER}/schedules`,
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-stages"),
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-bulk-stages"),
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-stages-dlq"),
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-file-replies"),
        ...Array(4).fill("200 POST /accounts/:account/queues/:id/consumers"),
      ].sort(),
    );

    afterFirstRun = accountSnapshot(api.account);
    expect(afterFirstRun.d1).toEqual([
      expect.objectContaining({
        name: "longflow",
        migrations: MIGRATION_FILES,
      }),
    ]);
    expect(afterFirstRun.d1[0]?.tables).toContain("results");
    expect(afterFirstRun.buckets).toEqual(["longflow-results"]);
    expect(afterFirstRun.queues).toEqual([
      {
        name: "longflow-bulk-stages",
        consumers: [
          {
            script: "longflow-discord-bot",
            dead_letter_queue: "longflow-stages-dlq",
            settings: { batch_size: 10, max_retries: 5, max_wait_time_ms: 0 },
          },
        ],
      },
      {
        name: "longflow-file-replies",
        consumers: [
          {
            script: "longflow-discord-bot",
            dead_letter_queue: undefined,
            settings: { batch_size: 10, max_retries: 10, max_wait_time_ms: 0 },
          },
        ],
      },
      {
        name: "longflow-stages",
        consumers: [
          {
            script: "longflow-discord-bot",
            dead_letter_queue: "longflow-stages-dlq",
            settings: { batch_size: 10, max_retries: 5, max_wait_time_ms: 0 },
          },
        ],
      },
      {
        name: "longflow-stages-dlq",
        consumers: [
          {
            script: "longflow-discord-bot",
            dead_letter_queue: undefined,
            settings: { batch_size: 10, max_wait_time_ms: 0 },
          },
        ],
      },
    ]);
    const worker = afterFirstRun.workers[0];
    expect(worker).toMatchObject({
      name: "longflow-discord-bot",
      // The id and public key read from Discord; the two keys generated for this Worker.
      secrets: [
        "DATA_ENCRYPTION_KEY",
        "DISCORD_APPLICATION_ID",
        "DISCORD_BOT_TOKEN",
        "DISCORD_PUBLIC_KEY",
        "LINK_SIGNING_SECRET",
        "METRICS_TOKEN",
      ],
      schedules: ["0 * * * *"],
      workers_dev: { enabled: true },
      // The last migration: v1 made WorkflowTracker, v2-etiquette BotGate and ChannelOutbox,
      // v3-sites SiteBudget.
      migration_tag: "v3-sites",
    });
    expect(worker?.bindings).toEqual(
      expect.arrayContaining([
        "DB:d1",
        "RESULTS:r2_bucket",
        "STAGES:queue",
        "BULK_STAGES:queue",
        "FILE_REPLIES:queue",
        "WORKFLOWS:durable_object_namespace",
        "BOT_GATE:durable_object_namespace",
        "CHANNEL_OUTBOX:durable_object_namespace",
        "CF_VERSION_METADATA:version_metadata",
      ]),
    );
    const secrets = api.account.workers.get("longflow-discord-bot")?.secrets;
    expect(secrets?.get("DISCORD_APPLICATION_ID")).toBe(discord.applicationId);
    expect(secrets?.get("DISCORD_PUBLIC_KEY")).toBe(discord.publicKeyHex);
    expect(Buffer.from(secrets?.get("DATA_ENCRYPTION_KEY") ?? "", "base64")).toHaveLength(32);
    // The live view is on: its origin is the deployed workers.dev URL.
    const deployed = api.account.workers.get("longflow-discord-bot");
    const publicBaseUrl =
      deployed &&
      api.account.deployedVersion(deployed)?.bindings.find((b) => b.name === "PUBLIC_BASE_URL");
    expect(publicBaseUrl).toMatchObject({
      text: "https://longflow-discord-bot.longflow-test.workers.dev",
    });

    // After the upload: /health, then Discord's validation of the endpoint (signed PING, forged).
    expect(standIn.requests).toEqual([
      "GET /health 200",
      "POST /interactions 200",
      "POST /interactions 401",
    ]);
    expect((await applicationOf(discord)).interactions_endpoint_url).toBe(
      `${standIn.origin}/interactions`,
    );
    // Guild install only: no user-install type, no "other DMs" context.
    const commands = await registeredCommands(discord);
    expect(commands.map((c) => c.name)).toContain("autointel");
    for (const command of commands) {
      expect(command.integration_types, command.name).toEqual([0]);
      expect(command.contexts, command.name).not.toContain(2);
    }
    expect(run.stdout).toContain(
      "Interactions Endpoint URL: https://longflow-discord-bot.longflow-test.workers.dev/interactions",
    );
    expect(run.stdout).toMatch(
      /Add the bot to a server: +https:\/\/discord\.com\/oauth2\/authorize\?client_id=100000000000000001&/,
    );
    expect(run.stdout).toContain("add --enable-user-install to `npm run deploy`");
    expect(run.stdout).toMatch(/Next: type \/ping in a server/);
    expect(readFileSync("wrangler.toml", "utf8")).toBe(configBefore);
    firstRunCalls = api.calls.length;
  });

  it("second run: creates nothing, changes nothing but the Worker version", async () => {
    const versionsBefore = api.account.workers.get("longflow-discord-bot")?.versions.length;
    const run = await runDeploy(api, discord, envFile, { reachAt: standIn.origin });
    expect(run.status, run.stderr).toBe(0);
    const secondRun = api.calls.slice(firstRunCalls);
    expect(creations(secondRun, api.accountId)).toEqual([]);
    const { untilUpload, afterUpload } = deploySequence(secondRun, api.accountId);
    expect(untilUpload).toEqual([
      ...PREFLIGHT(200),
      "200 GET /accounts/:account/d1/database",
      "200 GET /accounts/:account/queues name=longflow-stages-dlq",
      // migrations: nothing to apply
      ...Array(2)
        .fill([
          "200 GET /accounts/:account/d1/database/longflow",
          "200 POST /accounts/:account/d1/database/:id/query",
        ])
        .flat(),
      "200 GET /accounts/:account/workers/services/longflow-discord-bot",
      `200 GET ${WORKER}/secrets`,
      "200 GET /accounts/:account/queues name=longflow-stages-dlq",
      `200 GET ${WORKER}/deployments`,
      "200 GET /accounts/:account/workers/services/longflow-discord-bot",
      `200 GET ${WORKER}/settings`,
      // the D1 and queue bindings are inherited from the deployed version, checked by id
      "200 GET /accounts/:account/d1/database/:id",
      `200 POST ${WORKER}/versions`,
    ]);
    expect(afterUpload).toEqual(
      [
        `200 POST ${WORKER}/deployments`,
        `200 PATCH ${WORKER}/script-settings`,
        "200 GET /accounts/:account/workers/workers/longflow-discord-bot",
        "200 GET /accounts/:account/workers/subdomain",
        `200 POST ${WORKER}/subdomain`,
        `200 PUT ${WORKER}/schedules`,
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-stages"),
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-bulk-stages"),
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-stages-dlq"),
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-file-replies"),
        ...Array(4).fill("200 PUT /accounts/:account/queues/:id/consumers/:id"),
      ].sort(),
    );
    expect(accountSnapshot(api.account)).toEqual(afterFirstRun);
    expect(api.account.workers.get("longflow-discord-bot")?.versions.length).toBe(
      (versionsBefore ?? 0) + 1,
    );
    expect(run.stdout).toContain("✓ every required secret is found\n");
    expect(run.stdout).toContain(
      `Interactions Endpoint URL: ${standIn.origin}/interactions (already set)`,
    );
    expect(readFileSync("wrangler.toml", "utf8")).toBe(configBefore);
  });
});
