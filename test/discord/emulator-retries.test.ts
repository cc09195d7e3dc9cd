import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDiscordClient } from "../../src/discord/create-client.ts";
import { RateLimitedError, TokenExpiredError, TransientError } from "../../src/discord/errors.ts";
import type { DiscordRestOptions } from "../../src/discord/rest.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import { memoryLogger, recordingSleep } from "./support.ts";

const appId = env.DISCORD_APPLICATION_ID;

function client(overrides: Partial<DiscordRestOptions> = {}) {
  const sleeper = recordingSleep();
  const discord = createDiscordClient(env, {
    sleep: sleeper.sleep,
    logger: memoryLogger(),
    ...overrides,
  });
  return { discord, delays: sleeper.delays };
}

/** A real sleep that also records what it waited: for the bucket tests against real windows. */
function realSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
    await new Promise((resolve) => setTimeout(resolve, ms));
  };
  return { delays, sleep };
}

const statuses = async (match: string, method?: string) =>
  (await emulator.requests(match))
    .filter((r) => !method || r.method === method)
    .map((r) => r.status);

describe("retries against the emulator", () => {
  it("a 429 waits exactly Discord's retry_after, then the edit goes through", async () => {
    const { discord, delays } = client();
    const { token } = await emulator.createInteractionToken();
    await emulator.injectFault({ match: token, kind: "rate_limit", retryAfterSeconds: 0.123 });
    const edited = await discord.editOriginalResponse(appId, token, { content: "after the wait" });
    expect(edited.content).toBe("after the wait");
    expect(delays).toEqual([123]);
    expect(await statuses(token, "PATCH")).toEqual([429, 200]);
  });

  it("a rate-limited POST is retried once and posts exactly one message", async () => {
    const { discord } = client();
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "rate_limit", retryAfterSeconds: 0.05 });
    await discord.createChannelMessage(channelId, { content: "only once" });
    expect(await statuses(channelId)).toEqual([429, 200]);
    expect(await emulator.messages({ channelId })).toHaveLength(1);
  });

  it("a safe call stops at the retry cap (DISCORD_MAX_RETRIES) with backoff under the cap", async () => {
    const { discord, delays } = client();
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "server_error", times: -1 });
    const error = await discord.getChannelMessage(channelId, freshId()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(await statuses(channelId)).toEqual([502, 502, 502, 502]);
    expect(delays).toHaveLength(3);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(Number(env.BACKOFF_CAP_MS));
  });

  it("a safe call recovers after one transient failure", async () => {
    const { discord } = client();
    const { token } = await emulator.createInteractionToken();
    await emulator.injectFault({ match: token, kind: "server_error", status: 500 });
    await discord.editOriginalResponse(appId, token, { content: "ok" });
    expect(await statuses(token, "PATCH")).toEqual([500, 200]);
  });

  it("an unsafe POST is not retried after a 5xx", async () => {
    const { discord, delays } = client();
    const { token } = await emulator.createInteractionToken();
    await emulator.injectFault({ match: token, kind: "server_error", method: "POST" });
    const error = await discord
      .createFollowupMessage(appId, token, { content: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(await statuses(token, "POST")).toEqual([502]);
    expect(delays).toEqual([]);
  });

  it("a POST with an enforced nonce is retried and still posts once", async () => {
    const { discord } = client();
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "server_error", status: 503 });
    await discord.createChannelMessage(channelId, {
      content: "x",
      nonce: "n-1",
      enforce_nonce: true,
    });
    expect(await statuses(channelId)).toEqual([503, 200]);
    expect(await emulator.messages({ channelId })).toHaveLength(1);
  });

  it("a dead token is never retried: one request and one invalid request per call", async () => {
    const { discord, delays } = client();
    const { token } = await emulator.createInteractionToken();
    await emulator.expireToken(token);
    for (let i = 0; i < 2; i++) {
      const error = await discord
        .editOriginalResponse(appId, token, { content: "x" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TokenExpiredError);
    }
    expect(await statuses(token, "PATCH")).toEqual([401, 401]);
    expect(delays).toEqual([]);
    expect(discord.invalidRequests).toBe(2);
  });

  it("a hung request times out as Transient with an unknown outcome", async () => {
    const { discord } = client({ timeoutMs: 150 });
    const { token } = await emulator.createInteractionToken();
    await emulator.injectFault({ match: token, kind: "hang", method: "POST" });
    const error = await discord
      .createFollowupMessage(appId, token, { content: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ status: 0, outcomeUnknown: true });
  });
});

describe("rate-limit buckets against the emulator", () => {
  it("waits out an exhausted bucket: no request ever gets a 429", async () => {
    const sleeper = realSleep();
    const { discord } = client({ sleep: sleeper.sleep });
    const channelId = freshId();
    await emulator.setRateLimit({ match: channelId, limit: 2, windowMs: 300 });
    for (let i = 0; i < 5; i++) await discord.createChannelMessage(channelId, { content: `m${i}` });
    expect(await statuses(channelId)).toEqual([200, 200, 200, 200, 200]);
    expect(sleeper.delays.length).toBeGreaterThanOrEqual(2);
    expect(discord.invalidRequests).toBe(0);
  });

  it("a wait beyond maxWaitMs throws RateLimited without sending", async () => {
    const { discord } = client();
    const channelId = freshId();
    await emulator.setRateLimit({ match: channelId, limit: 1, windowMs: 60_000 });
    await discord.createChannelMessage(channelId, { content: "first" });
    const error = await discord
      .createChannelMessage(channelId, { content: "second" }, { maxWaitMs: 1000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 0 });
    expect((error as RateLimitedError).retryAfterMs).toBeGreaterThan(50_000);
    expect(await statuses(channelId)).toEqual([200]);
  });

  it("counts 401, 403 and 429 answers as invalid requests", async () => {
    const { discord } = client();
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "missing_permission" });
    await emulator.injectFault({ match: channelId, kind: "rate_limit", retryAfterSeconds: 0.01 });
    await discord.createChannelMessage(channelId, { content: "x" }).catch(() => undefined);
    await discord.createChannelMessage(channelId, { content: "x" });
    expect(discord.invalidRequests).toBe(2);
    await emulator.injectFault({
      match: channelId,
      kind: "rate_limit",
      retryAfterSeconds: 0.01,
      scope: "shared",
    });
    await discord.createChannelMessage(channelId, { content: "x" });
    expect(discord.invalidRequests).toBe(2);
  });
});
