import { createLogger } from "../log.ts";
import { readNumberSetting } from "../settings.ts";
import { DiscordClient } from "./client.ts";
import { MemoryRateLimitState } from "./rate-limit-state.ts";
import { DiscordRest, type DiscordRestOptions } from "./rest.ts";
import { DEFAULT_BACKOFF } from "./retries.ts";

export const DEFAULT_API_BASE = "https://discord.com/api/v10";
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RETRIES = 4;
// A 429 or exhausted bucket longer than this is better left to the caller (e.g. a queue retry).
const DEFAULT_MAX_WAIT_MS = 60_000;

/** The variables the client reads; the rest of `Env` is not its business. */
// A plain shape rather than Pick<Env>: `npm run register` uses the client from Node, where the
// Worker's generated Env type does not exist.
export interface DiscordEnv {
  DISCORD_API_BASE?: string;
  DISCORD_BOT_TOKEN?: string;
  DISCORD_REQUEST_TIMEOUT_MS?: string;
  DISCORD_MAX_RETRIES?: string;
  BACKOFF_BASE_MS?: string;
  BACKOFF_CAP_MS?: string;
}

const nonNegativeInt = (env: DiscordEnv, name: keyof DiscordEnv, fallback: number) =>
  Math.floor(readNumberSetting(env, name, fallback));

export function discordOptionsFromEnv(env: DiscordEnv): DiscordRestOptions {
  const backoff = {
    baseMs: nonNegativeInt(env, "BACKOFF_BASE_MS", DEFAULT_BACKOFF.baseMs),
    capMs: nonNegativeInt(env, "BACKOFF_CAP_MS", DEFAULT_BACKOFF.capMs),
  };
  return {
    apiBase: env.DISCORD_API_BASE || DEFAULT_API_BASE,
    botToken: env.DISCORD_BOT_TOKEN ?? "",
    timeoutMs:
      nonNegativeInt(env, "DISCORD_REQUEST_TIMEOUT_MS", DEFAULT_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
    maxRetries: nonNegativeInt(env, "DISCORD_MAX_RETRIES", DEFAULT_MAX_RETRIES),
    backoff,
    maxWaitMs: DEFAULT_MAX_WAIT_MS,
    rateLimitState: new MemoryRateLimitState(),
    logger: createLogger({ component: "discord" }),
    fetch: (url, init) => fetch(url, init),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    now: Date.now,
  };
}

/** The Discord client configured from `env`; `overrides` replaces any seam (fetch, sleep, state…). */
export function createDiscordClient(
  env: DiscordEnv,
  overrides: Partial<DiscordRestOptions> = {},
): DiscordClient {
  return new DiscordClient(new DiscordRest({ ...discordOptionsFromEnv(env), ...overrides }));
}
