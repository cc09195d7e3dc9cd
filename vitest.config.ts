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
          // Deadlines (deadline-extension.ts): a workflow that showed progress in the last second
          // is given 1.5 s more when 1.2 s are left; warnings 1 s and 0.4 s before the deadline.
          DEADLINE_EXTENSION_SECONDS: "1.5",
          DEADLINE_CHECK_LEAD_SECONDS: "1.2",
          DEADLINE_PROGRESS_WINDOW_SECONDS: "1",
          DEADLINE_WARNING_OFFSETS_SECONDS: "1,0.4",
          QUEUE_WAIT_NOTICE_SECONDS: "1.5",
          // Budgets (src/workflow/budget-limits.ts) out of the way of other tests; budget tests
          // pass their own limits, and the site pace is what the pacing test measures.
          MAX_RUNNING_GLOBAL: "1000",
          USER_DAILY_RUNS: "1000",
          USER_DAILY_REQUESTS: "1000000",
          GUILD_DAILY_RUNS: "1000",
          GUILD_DAILY_REQUESTS: "1000000",
          // /autointel reads the local test sites on 127.0.0.1 (test/support/test-site.ts).
          FETCH_ALLOW_LOOPBACK: "true",
          // Names are resolved by the DNS-over-HTTPS stand-in (test/support/dns-over-https.ts).
          FETCH_DNS_RESOLVER_URL: inject("dnsOverHttpsUrl"),
          // The callback receiver (test/support/callback-receiver.ts) is plain http on 127.0.0.1.
          CALLBACK_ALLOW_HTTP: "true",
          FETCH_TIMEOUT_MS: "1500",
          // 1 MiB: room for the hostile corpus page with 50,000 links (test/support/hostile-site.ts).
          PAGE_MAX_BYTES: "1048576",
          CRAWL_POLITENESS_MS: "0",
          // Every test site is on 127.0.0.1, one site for the per-site budget: this pace applies
          // to all autointel tests, and test/autointel/site-budget.test.ts measures it.
          SITE_MIN_INTERVAL_MS: "25",
          // The live view (src/live): signed links, with a base URL so the progress message has one.
          LINK_SIGNING_SECRET: "test-link-signing-secret-0123456789",
          // Seals webhook tokens and callback secrets in D1 (src/secrets/sealer.ts): 32 bytes.
          DATA_ENCRYPTION_KEY: "dGVzdC1kYXRhLWVuY3J5cHRpb24ta2V5LTMyLWJ5dGU=",
          PUBLIC_BASE_URL: "http://bot.test",
          LIVE_LINK_TTL_SECONDS: "3600",
          // The bot gate: a ban or a bad bot token stops bot calls for about a second here.
          BOT_GATE_BAN_PAUSE_MS: "1200",
          BOT_GATE_BAD_TOKEN_PAUSE_MS: "1200",
          BOT_GATE_MAX_PAUSE_MS: "5000",
          BOT_GATE_PROBE_TIMEOUT_MS: "2500",
          // Live sockets (src/live/socket-limits.ts): the test client pings every 0.4 s.
          LIVE_SOCKET_IDLE_SECONDS: "2",
          LIVE_SOCKET_MAX_SECONDS: "15",
          LIVE_SOCKETS_PER_CLIENT: "4",
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
