import type { DiscordClient } from "../../src/discord/client.ts";
import { createDiscordClient, type DiscordEnv } from "../../src/discord/create-client.ts";
import { MemoryRateLimitState } from "../../src/discord/rate-limit-state.ts";
import type { DiscordRestOptions } from "../../src/discord/rest.ts";
import type { LogFields, Logger } from "../../src/log.ts";

export const TEST_ENV: DiscordEnv = {
  DISCORD_API_BASE: "https://discord.test/api/v10",
  DISCORD_BOT_TOKEN: "test-bot-token",
  DISCORD_REQUEST_TIMEOUT_MS: "2000",
  DISCORD_MAX_RETRIES: "3",
  BACKOFF_BASE_MS: "100",
  BACKOFF_CAP_MS: "1000",
};

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
}

export type Reply = Response | (() => Response | Promise<Response>) | Error;

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** A fetch that answers from a script, in order, and records every call. */
export function scriptedFetch(replies: Reply[]) {
  const calls: RecordedCall[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({
      url,
      method: init.method ?? "GET",
      headers: new Headers(init.headers),
      body: init.body,
    });
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)];
    if (reply === undefined) throw new Error("script exhausted");
    if (reply instanceof Error) throw reply;
    return typeof reply === "function" ? reply() : reply.clone();
  };
  return { fetch, calls };
}

/** A sleep that returns at once and remembers what it was asked to wait. */
export function recordingSleep() {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
}

export interface LogLine extends LogFields {
  level: string;
  event: string;
}

export function memoryLogger(lines: LogLine[] = []): Logger & { lines: LogLine[] } {
  const write =
    (level: string) =>
    (event: string, fields: LogFields = {}) => {
      lines.push({ level, event, ...fields });
    };
  const logger = {
    lines,
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    with: () => logger,
  };
  return logger;
}

/** A client on scripted seams: no network, no real waiting, a fixed clock unless given one. */
export function unitClient(replies: Reply[], overrides: Partial<DiscordRestOptions> = {}) {
  const scripted = scriptedFetch(replies);
  const sleeper = recordingSleep();
  const logger = memoryLogger();
  const state = new MemoryRateLimitState();
  const client: DiscordClient = createDiscordClient(TEST_ENV, {
    fetch: scripted.fetch,
    sleep: sleeper.sleep,
    random: () => 0.5,
    now: () => 1_000_000,
    logger,
    rateLimitState: state,
    ...overrides,
  });
  return { client, calls: scripted.calls, delays: sleeper.delays, logs: logger.lines, state };
}

export const rateLimitHeaders = (remaining: number, resetAfterS: number, bucket = "b1") => ({
  "x-ratelimit-limit": "5",
  "x-ratelimit-remaining": String(remaining),
  "x-ratelimit-reset-after": String(resetAfterS),
  "x-ratelimit-bucket": bucket,
});

export const message = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  channel_id: "1",
  content: "",
  ...extra,
});
