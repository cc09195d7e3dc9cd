import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations("./migrations");

// Discord is played by the emulator started in test/global-setup.ts; its address and signing key
// reach the Worker under test as ordinary bindings, so the bot talks to it like to discord.com.
// Time is configuration: a 6-second token plays Discord's 15 minutes.
const workers = {
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          DISCORD_API_BASE: inject("discordApiBase"),
          DISCORD_PUBLIC_KEY: inject("discordPublicKey"),
          DISCORD_APPLICATION_ID: inject("discordApplicationId"),
          DISCORD_BOT_TOKEN: inject("discordBotToken"),
          METRICS_TOKEN: "test-metrics-token",
          DISCORD_REQUEST_TIMEOUT_MS: "2000",
          DISCORD_MAX_RETRIES: "3",
          BACKOFF_BASE_MS: "20",
          BACKOFF_CAP_MS: "200",
          INTERACTION_TOKEN_TTL_SECONDS: "6",
          TOKEN_SAFETY_MARGIN_SECONDS: "1",
          TOKEN_WARNING_OFFSETS_SECONDS: "3,1.5",
          HANDOFF_LEAD_SECONDS: "1",
          PROGRESS_MIN_INTERVAL_MS: "200",
          ACK_GRACE_MS: "50",
          LONG_WORKFLOW_NOTICE_SECONDS: "4",
          STAGE_BUDGET_MS: "5000",
          STAGE_LEASE_MS: "2000",
          MAX_STAGE_REPLAYS: "2",
          QUEUE_WAIT_NOTICE_SECONDS: "1.5",
          // /autointel reads the local test sites on 127.0.0.1 (test/support/test-site.ts).
          FETCH_ALLOW_LOOPBACK: "true",
          FETCH_TIMEOUT_MS: "1500",
          PAGE_MAX_BYTES: "524288",
          CRAWL_POLITENESS_MS: "0",
          // The live view (src/live): signed links, with a base URL so the progress message has one.
          LINK_SIGNING_SECRET: "test-link-signing-secret-0123456789",
          PUBLIC_BASE_URL: "http://bot.test",
          LIVE_LINK_TTL_SECONDS: "3600",
        },
      },
    })),
  ],
  test: {
    name: "workers",
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup.ts"],
    include: ["test/**/*.test.ts"],
    exclude: ["test/node/**", "test/browser/**"],
    // Structured logs are printed for failing tests only.
    silent: "passed-only" as const,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
};

// Tests of the Node-side tools (deploy script, configuration files) run in plain Node.
const node = {
  test: {
    name: "node",
    include: ["test/node/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
  },
};

// The live view in headless Chromium against `wrangler dev` (skipped, saying why, without it).
const browser = {
  test: {
    name: "browser",
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
};

export default defineConfig({ test: { projects: [workers, node, browser] } });
