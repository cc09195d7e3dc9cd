import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Discord is played by the emulator started in test/global-setup.ts; its address and signing key
// reach the Worker under test as ordinary bindings, so the bot talks to it like to discord.com.
export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          DISCORD_API_BASE: inject("discordApiBase"),
          DISCORD_PUBLIC_KEY: inject("discordPublicKey"),
          DISCORD_APPLICATION_ID: inject("discordApplicationId"),
          DISCORD_BOT_TOKEN: inject("discordBotToken"),
          DISCORD_REQUEST_TIMEOUT_MS: "2000",
          DISCORD_MAX_RETRIES: "3",
          BACKOFF_BASE_MS: "20",
          BACKOFF_CAP_MS: "200",
        },
      },
    })),
  ],
  test: {
    globalSetup: ["./test/global-setup.ts"],
    include: ["test/**/*.test.ts"],
    // Structured logs are printed for failing tests only.
    silent: "passed-only",
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
