import { describe, expect, it } from "vitest";
import { backoffWithJitter, DEFAULT_BACKOFF } from "../../src/backoff.ts";
import {
  CloudflareBanError,
  FatalError,
  RateLimitedError,
  TokenExpiredError,
  TransientError,
} from "../../src/discord/errors.ts";
import {
  retryDelayMs,
  retryDelayOrBackoffMs,
  retryDelayOrCapMs,
} from "../../src/discord/retries.ts";
import { json, message, rateLimitHeaders, unitClient } from "./support.ts";

const limited = (retryAfter: number) =>
  json(
    429,
    { message: "You are being rate limited.", retry_after: retryAfter, global: false },
    {
      "retry-after": String(Math.ceil(retryAfter)),
      "x-ratelimit-scope": "user",
      ...rateLimitHeaders(0, retryAfter),
    },
  );
const badGateway = () => json(502, { message: "Bad Gateway" });
const ok = () => json(200, message("m1"));

describe("backoffWithJitter", () => {
  it("full jitter under an exponential ceiling, from 1 s capped at 60 s by default", () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 1000, capMs: 60_000 });
    const top = () => 0.999999;
    expect(backoffWithJitter(0, DEFAULT_BACKOFF, top)).toBe(999);
    expect(backoffWithJitter(3, DEFAULT_BACKOFF, top)).toBe(7999);
    expect(backoffWithJitter(10, DEFAULT_BACKOFF, top)).toBe(59_999);
    expect(backoffWithJitter(500, DEFAULT_BACKOFF, top)).toBe(59_999);
    expect(backoffWithJitter(5, DEFAULT_BACKOFF, () => 0)).toBe(0);
    expect(backoffWithJitter(1, { baseMs: 20, capMs: 200 }, () => 0.5)).toBe(20);
  });
});

describe("retries", () => {
  it("a 429 waits exactly retry_after, then succeeds", async () => {
    const { client, calls, delays } = unitClient([limited(1.5), ok()]);
    const sent = await client.editOriginalResponse("app", "tok", { content: "x" });
    expect(sent.id).toBe("m1");
    expect(calls).toHaveLength(2);
    expect(delays).toEqual([1500]);
  });

  it("a 429 is retried even for an unsafe POST: Discord did not act on it", async () => {
    const { client, calls } = unitClient([limited(0.2), ok()]);
    await client.createChannelMessage("1", { content: "new" });
    expect(calls).toHaveLength(2);
  });

  it("a 429 longer than maxWaitMs is thrown to the caller instead of waited", async () => {
    const { client, calls, delays } = unitClient([limited(30)]);
    const error = await client
      .editOriginalResponse("app", "tok", {}, { maxWaitMs: 5000 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfterMs).toBe(30_000);
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("transient errors back off with jitter on safe calls and stop at the retry cap", async () => {
    const { client, calls, delays } = unitClient([badGateway()]);
    const error = await client.editWebhookMessage("7", "wt", "3", { content: "x" }).catch((e) => e);
    expect(error).toBeInstanceOf(TransientError);
    // DISCORD_MAX_RETRIES = 3: four attempts; base 100, cap 1000, random 0.5.
    expect(calls).toHaveLength(4);
    expect(delays).toEqual([50, 100, 200]);
  });

  it("an unsafe call is not retried after a transient error", async () => {
    const { client, calls, delays } = unitClient([badGateway(), ok()]);
    const error = await client
      .createFollowupMessage("app", "tok", { content: "x" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error.outcomeUnknown).toBe(true);
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("a POST with an enforced nonce is safe to retry", async () => {
    const { client, calls } = unitClient([badGateway(), ok()]);
    await client.createChannelMessage("1", { content: "x", nonce: "wf-1", enforce_nonce: true });
    expect(calls).toHaveLength(2);
  });

  it("a caller can mark a call safe or unsafe explicitly", async () => {
    const unsafe = unitClient([badGateway(), ok()]);
    await expect(
      unsafe.client.getChannelMessage("1", "2", { safeToRetry: false }),
    ).rejects.toBeInstanceOf(TransientError);
    expect(unsafe.calls).toHaveLength(1);
    const safe = unitClient([badGateway(), ok()]);
    await safe.client.executeWebhook("7", "wt", { content: "x" }, { safeToRetry: true });
    expect(safe.calls).toHaveLength(2);
  });

  it("a Cloudflare ban stops at once", async () => {
    const ban = json(429, {
      code: 0,
      message: "You are being blocked from accessing our API temporarily",
    });
    const { client, calls, delays, logs } = unitClient([ban, ok()]);
    await expect(client.getChannelMessage("1", "2")).rejects.toBeInstanceOf(CloudflareBanError);
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(logs.some((l) => l.event === "discord.fatal")).toBe(true);
  });

  it("a dead token is never retried", async () => {
    const dead = json(401, { message: "Invalid Webhook Token", code: 50027 });
    const { client, calls } = unitClient([dead, ok()]);
    await expect(
      client.editOriginalResponse("app", "tok", { content: "x" }),
    ).rejects.toBeInstanceOf(TokenExpiredError);
    expect(calls).toHaveLength(1);
  });

  it("an invalid body is fatal and logged with the body, never the token", async () => {
    const invalid = json(400, {
      code: 50035,
      message: "Invalid Form Body",
      errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "too long" }] } },
    });
    const { client, calls, logs } = unitClient([invalid]);
    const error = await client
      .editOriginalResponse("app", "secret-tok", { content: "x" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FatalError);
    expect(calls).toHaveLength(1);
    const line = logs.find((l) => l.event === "discord.invalid_body");
    expect(line).toMatchObject({
      level: "error",
      code: 50035,
      body: '{"content":"x","allowed_mentions":{"parse":[]}}',
    });
    expect(line?.errors).toEqual(error.errors);
    expect(JSON.stringify(logs)).not.toContain("secret-tok");
  });

  it("a network error is transient with an unknown outcome", async () => {
    const { client } = unitClient([new TypeError("Network connection lost")]);
    const error = await client
      .createFollowupMessage("app", "tok", { content: "x" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error.status).toBe(0);
    expect(error.outcomeUnknown).toBe(true);
  });
});

describe("the one retry-delay policy", () => {
  const options = { baseMs: 100, capMs: 2_000 };
  const details = { status: 429, method: "POST" as const, route: "/channels/:id/messages" };
  const rateLimited = new RateLimitedError(
    { ...details, discordMessage: "You are being rate limited." },
    { retryAfterMs: 1_500, global: false },
  );
  const stageBug = new Error("a stage's own failure");

  it("waits Discord's retry_after whoever asks", () => {
    expect(retryDelayMs(rateLimited, 0, options, () => 0)).toBe(1_500);
    expect(retryDelayOrCapMs(rateLimited, 0, options, () => 0)).toBe(1_500);
    expect(retryDelayOrBackoffMs(rateLimited, 0, options, () => 0)).toBe(1_500);
  });

  it("an error it cannot read: none for a call, the cap for a step, the backoff for a stage", () => {
    expect(retryDelayMs(stageBug, 3, options, () => 0.5)).toBeNull();
    expect(retryDelayOrCapMs(stageBug, 3, options, () => 0.5)).toBe(2_000);
    // 100 ms · 2³ = 800 ms ceiling, half of it with this jitter.
    expect(retryDelayOrBackoffMs(stageBug, 3, options, () => 0.5)).toBe(400);
    expect(retryDelayOrBackoffMs(stageBug, 3, options, () => 0)).toBe(1);
  });
});
