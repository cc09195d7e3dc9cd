import { describe, expect, it } from "vitest";
import { classifyResponse, parseErrorBody } from "../../src/discord/classify.ts";
import {
  CannotDmError,
  ClientError,
  CloudflareBanError,
  DiscordApiError,
  FatalError,
  MissingPermissionError,
  NotFoundError,
  RateLimitedError,
  TokenExpiredError,
  TransientError,
  UnknownWebhookError,
} from "../../src/discord/errors.ts";
import {
  isDmImpossible,
  isFatal,
  isGone,
  isOutcomeUnknown,
  isPermissionDenied,
  isRetryable,
  isTokenDead,
  isWebhookGone,
} from "../../src/discord/retries.ts";
import { routes } from "../../src/discord/routes.ts";

const interaction = routes.originalResponse("PATCH", "app", "tok");
const callback = routes.interactionCallback("1", "tok");
const webhook = routes.executeWebhook("7", "hooktoken");
const bot = routes.channelMessages("123");

function classify(
  route = bot,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return classifyResponse(
    route,
    status,
    new Headers(headers),
    parseErrorBody(JSON.stringify(body)),
  );
}

describe("classifying Discord's answers", () => {
  it("dead interaction tokens: 401 50027, 404 10015 and 10062", () => {
    const expired = classify(interaction, 401, { message: "Invalid Webhook Token", code: 50027 });
    expect(expired).toBeInstanceOf(TokenExpiredError);
    expect(expired).toMatchObject({ status: 401, code: 50027, method: "PATCH" });
    expect(expired.route).toBe("/webhooks/:application_id/:token/messages/@original");
    expect(classify(interaction, 404, { message: "Unknown Webhook", code: 10015 })).toBeInstanceOf(
      TokenExpiredError,
    );
    expect(classify(callback, 404, { message: "Unknown interaction", code: 10062 })).toBeInstanceOf(
      TokenExpiredError,
    );
    expect(isTokenDead(expired)).toBe(true);
    expect(isRetryable(expired)).toBe(false);
  });

  it("the same code on a channel webhook means the webhook is gone, not a token", () => {
    const gone = classify(webhook, 404, { message: "Unknown Webhook", code: 10015 });
    expect(gone).toBeInstanceOf(UnknownWebhookError);
    expect(isWebhookGone(gone)).toBe(true);
    expect(isTokenDead(gone)).toBe(false);
  });

  it("429 with rate-limit headers: retry_after from the body, scope, bucket, global", () => {
    const limited = classify(
      bot,
      429,
      { message: "You are being rate limited.", retry_after: 1.234, global: false },
      { "retry-after": "2", "x-ratelimit-scope": "user", "x-ratelimit-bucket": "abc" },
    );
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({
      retryAfterMs: 1234,
      global: false,
      scope: "user",
      bucket: "abc",
    });
    const global = classify(
      bot,
      429,
      { message: "You are being rate limited.", retry_after: 0.5, global: true },
      { "x-ratelimit-global": "true", "x-ratelimit-scope": "global" },
    );
    expect(global).toMatchObject({ global: true, retryAfterMs: 500 });
  });

  it("429 falls back to Retry-After, then X-RateLimit-Reset-After", () => {
    const headersOnly = classify(
      bot,
      429,
      { message: "x" },
      { "retry-after": "3", "x-ratelimit-scope": "user" },
    );
    expect((headersOnly as RateLimitedError).retryAfterMs).toBe(3000);
    const resetOnly = classify(
      bot,
      429,
      {},
      { "x-ratelimit-reset-after": "0.25", "x-ratelimit-limit": "5" },
    );
    expect((resetOnly as RateLimitedError).retryAfterMs).toBe(250);
  });

  it("429 without rate-limit headers, or 'being blocked', is a Cloudflare ban", () => {
    const body = { code: 0, message: "You are being blocked from accessing our API temporarily." };
    const ban = classify(bot, 429, body);
    expect(ban).toBeInstanceOf(CloudflareBanError);
    expect(isFatal(ban)).toBe(true);
    expect(isRetryable(ban)).toBe(false);
    expect(classify(bot, 429, body, { "retry-after": "60" })).toBeInstanceOf(CloudflareBanError);
  });

  it("5xx is transient; a gateway error leaves the outcome unknown", () => {
    const e500 = classify(bot, 500, { message: "500: Internal Server Error", code: 0 });
    expect(e500).toBeInstanceOf(TransientError);
    expect(isOutcomeUnknown(e500)).toBe(false);
    expect(isOutcomeUnknown(classify(bot, 502, {}))).toBe(true);
    expect(isRetryable(classify(bot, 503, {}))).toBe(true);
  });

  it("permissions, DMs, bad tokens, invalid bodies and other 4xx", () => {
    const denied = classify(bot, 403, { message: "Missing Permissions", code: 50013 });
    expect(denied).toBeInstanceOf(MissingPermissionError);
    expect(isPermissionDenied(classify(bot, 403, { code: 50001 }))).toBe(true);
    expect(isDmImpossible(classify(bot, 403, { code: 50007 }))).toBe(true);
    expect(classify(bot, 403, { code: 50278 })).toBeInstanceOf(CannotDmError);
    const badToken = classify(bot, 401, { message: "401: Unauthorized", code: 0 });
    expect(badToken).toBeInstanceOf(FatalError);
    expect((badToken as FatalError).reason).toBe("bad_bot_token");
    const errors = { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } };
    const invalid = classify(bot, 400, { message: "Invalid Form Body", code: 50035, errors });
    expect(invalid).toMatchObject({ reason: "invalid_body", errors });
    const unknownMessage = classify(bot, 404, { message: "Unknown Message", code: 10008 });
    expect(unknownMessage).toBeInstanceOf(NotFoundError);
    expect(isGone(unknownMessage)).toBe(true);
    expect(classify(bot, 404, { code: 10003 })).toBeInstanceOf(NotFoundError);
    const other = classify(bot, 400, { message: "Cannot send an empty message", code: 50006 });
    expect(other).toBeInstanceOf(ClientError);
    expect(other).not.toBeInstanceOf(NotFoundError);
    expect(other).toBeInstanceOf(DiscordApiError);
  });

  it("a non-JSON error page still classifies by status", () => {
    const e = classifyResponse(bot, 502, new Headers(), parseErrorBody("<html>Bad gateway</html>"));
    expect(e).toBeInstanceOf(TransientError);
    expect(e.discordMessage).toContain("Bad gateway");
  });

  it("error messages name the route template, never the token", () => {
    const e = classify(routes.originalResponse("GET", "app", "very-secret"), 401, { code: 50027 });
    expect(e.message).not.toContain("very-secret");
    expect(e.message).toContain("/webhooks/:application_id/:token");
  });
});
