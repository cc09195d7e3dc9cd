// `npm run deploy` end to end against the fake Cloudflare API and the Discord emulator: the first
// run on an empty account creates everything and registers the commands; the second creates
// nothing and changes nothing but the Worker version.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDiscordEmulator, startDiscordEmulator } from "../../emulator/server.ts";
import { creations, deploySequence } from "./support/deploy-sequence.ts";
import {
  type RunningFakeCloudflareApi,
  startFakeCloudflareApi,
} from "./support/fake-cloudflare-api/server.ts";
import { accountSnapshot } from "./support/fake-cloudflare-api/snapshot.ts";
import { registeredCommandNames, runDeploy, writeSecretsFile } from "./support/run-deploy.ts";

const WORKER = "/accounts/:account/workers/scripts/longflow-discord-bot";
let api: RunningFakeCloudflareApi;
let discord: RunningDiscordEmulator;
let envFile: string;
const configBefore = readFileSync("wrangler.toml", "utf8");

beforeAll(async () => {
  api = await startFakeCloudflareApi();
  discord = await startDiscordEmulator({ port: 0 });
  envFile = writeSecretsFile(discord, { METRICS_TOKEN: "metrics-token-for-the-deploy-test" });
});
afterAll(async () => {
  await Promise.all([api?.close(), discord?.close()]);
});

/** The project's D1 migrations: a first deploy applies each one. */
const MIGRATION_FILES = readdirSync("migrations")
  .filter((name) => name.endsWith(".sql"))
  .sort();

describe("npm run deploy against a recorded Cloudflare API", () => {
  let afterFirstRun: ReturnType<typeof accountSnapshot>;
  let firstRunCalls = 0;

  it("first run on an empty account: creates, migrates, uploads, schedules, registers", async () => {
    const run = await runDeploy(api, discord, envFile);
    expect(run.status, run.stderr).toBe(0);
    const { untilUpload, afterUpload } = deploySequence(api.calls, api.accountId);
    expect(untilUpload).toEqual([
      // 1. secrets: the Worker does not exist yet, so every secret goes with the upload
      `404 GET ${WORKER}/secrets`,
      // 2. D1 database, created by name
      "200 GET /accounts/:account/d1/database",
      "200 POST /accounts/:account/d1/database",
      // 3. the dead-letter queue, which wrangler would not create
      "200 GET /accounts/:account/queues name=longflow-stages-dlq",
      "200 POST /accounts/:account/queues",
      // 4. migrations: bookkeeping table, applied list, then one query per migration
      ...Array(2 + MIGRATION_FILES.length)
        .fill([
          "200 GET /accounts/:account/d1/database/longflow",
          "200 POST /accounts/:account/d1/database/:id/query",
        ])
        .flat(),
      // 5. wrangler deploy: first deploy, provisioning of R2 and the stage queue, then the upload
      "404 GET /accounts/:account/workers/services/longflow-discord-bot",
      `404 GET ${WORKER}/secrets`,
      "200 GET /accounts/:account/queues name=longflow-stages-dlq",
      "200 GET /accounts/:account/workers/subdomain",
      `404 GET ${WORKER}/deployments`,
      "404 GET /accounts/:account/workers/services/longflow-discord-bot",
      `404 GET ${WORKER}/settings`,
      "200 GET /accounts/:account/queues name=longflow-stages",
      "200 GET /accounts/:account/queues name=longflow-file-replies",
      "404 GET /accounts/:account/r2/buckets/longflow-results",
      "200 GET /accounts/:account/d1/database/longflow",
      "200 GET /accounts/:account/r2/buckets",
      "200 POST /accounts/:account/r2/buckets",
      "200 GET /accounts/:account/queues",
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
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-stages-dlq"),
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-file-replies"),
        ...Array(3).fill("200 POST /accounts/:account/queues/:id/consumers"),
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
      secrets: [
        "DATA_ENCRYPTION_KEY",
        "DISCORD_APPLICATION_ID",
        "DISCORD_BOT_TOKEN",
        "DISCORD_PUBLIC_KEY",
        "METRICS_TOKEN",
      ],
      schedules: ["0 * * * *"],
      workers_dev: { enabled: true },
      // The last migration: v1 made WorkflowTracker, v2-etiquette BotGate and ChannelOutbox.
      migration_tag: "v2-etiquette",
    });
    expect(worker?.bindings).toEqual(
      expect.arrayContaining([
        "DB:d1",
        "RESULTS:r2_bucket",
        "STAGES:queue",
        "FILE_REPLIES:queue",
        "WORKFLOWS:durable_object_namespace",
        "BOT_GATE:durable_object_namespace",
        "CHANNEL_OUTBOX:durable_object_namespace",
        "CF_VERSION_METADATA:version_metadata",
      ]),
    );
    expect(await registeredCommandNames(discord)).toContain("autointel");
    expect(run.stdout).toContain("optional, unset: LINK_SIGNING_SECRET");
    expect(readFileSync("wrangler.toml", "utf8")).toBe(configBefore);
    firstRunCalls = api.calls.length;
  });

  it("second run: creates nothing, changes nothing but the Worker version", async () => {
    const versionsBefore = api.account.workers.get("longflow-discord-bot")?.versions.length;
    const run = await runDeploy(api, discord, envFile);
    expect(run.status, run.stderr).toBe(0);
    const secondRun = api.calls.slice(firstRunCalls);
    expect(creations(secondRun, api.accountId)).toEqual([]);
    const { untilUpload, afterUpload } = deploySequence(secondRun, api.accountId);
    expect(untilUpload).toEqual([
      `200 GET ${WORKER}/secrets`,
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
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-stages-dlq"),
        ...Array(2).fill("200 GET /accounts/:account/queues name=longflow-file-replies"),
        ...Array(3).fill("200 PUT /accounts/:account/queues/:id/consumers/:id"),
      ].sort(),
    );
    expect(accountSnapshot(api.account)).toEqual(afterFirstRun);
    expect(api.account.workers.get("longflow-discord-bot")?.versions.length).toBe(
      (versionsBefore ?? 0) + 1,
    );
    expect(run.stdout).toContain("all set on Cloudflare");
    expect(readFileSync("wrangler.toml", "utf8")).toBe(configBefore);
  });
});
