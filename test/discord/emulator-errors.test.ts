import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { FaultKind } from "../../emulator/contract-types.ts";
import { createDiscordClient } from "../../src/discord/create-client.ts";
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
import { emulator, freshId } from "../helpers/emulator.ts";
import { memoryLogger, recordingSleep } from "./support.ts";

const appId = env.DISCORD_APPLICATION_ID;

function client() {
  const sleeper = recordingSleep();
  const logger = memoryLogger();
  return {
    discord: createDiscordClient(env, { sleep: sleeper.sleep, logger }),
    ...sleeper,
    logger,
  };
}

async function failure(promise: Promise<unknown>): Promise<DiscordApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiscordApiError);
  return error as DiscordApiError;
}

async function channelWithWebhook(discord: ReturnType<typeof client>["discord"]) {
  const channelId = freshId();
  const webhook = await discord.createChannelWebhook(channelId, "Longflow results");
  return { channelId, webhook: { id: webhook.id, token: webhook.token as string } };
}

describe("errors classified from the emulator's real answers", () => {
  it("an expired interaction token is TokenExpired (401 50027), never retried", async () => {
    const { discord } = client();
    const { token } = await emulator.createInteractionToken();
    await discord.editOriginalResponse(appId, token, { content: "alive" });
    await emulator.expireToken(token);
    const error = await failure(discord.editOriginalResponse(appId, token, { content: "late" }));
    expect(error).toBeInstanceOf(TokenExpiredError);
    expect(error).toMatchObject({ status: 401, code: 50027 });
    expect(error.message).not.toContain(token);
    const edits = (await emulator.requests(token)).filter((r) => r.method === "PATCH");
    expect(edits.map((r) => r.status)).toEqual([200, 401]);
  });

  it("a token Discord never issued is TokenExpired (404 10015)", async () => {
    const { discord } = client();
    const error = await failure(
      discord.createFollowupMessage(appId, `never-${freshId()}`, { content: "x" }),
    );
    expect(error).toBeInstanceOf(TokenExpiredError);
    expect(error).toMatchObject({ status: 404, code: 10015 });
  });

  it("injected token_expired and unknown_interaction faults are TokenExpired too", async () => {
    const { discord } = client();
    const first = await emulator.createInteractionToken();
    await emulator.injectFault({ match: first.token, kind: "token_expired" });
    expect(await failure(discord.getOriginalResponse(appId, first.token))).toBeInstanceOf(
      TokenExpiredError,
    );
    const second = await emulator.createInteractionToken({ deferred: false });
    await emulator.injectFault({ match: second.token, kind: "unknown_interaction" });
    const error = await failure(
      discord.createInteractionResponse(second.interactionId, second.token, { type: 5 }),
    );
    expect(error).toBeInstanceOf(TokenExpiredError);
    expect(error.code).toBe(10062);
  });

  it("a deleted channel webhook is UnknownWebhook, not a dead token", async () => {
    const { discord } = client();
    const { webhook } = await channelWithWebhook(discord);
    const sent = await discord.executeWebhook(webhook.id, webhook.token, { content: "first" });
    expect(sent.webhook_id).toBe(webhook.id);
    await emulator.injectFault({ match: webhook.id, kind: "webhook_deleted" });
    const error = await failure(
      discord.executeWebhook(webhook.id, webhook.token, { content: "x" }),
    );
    expect(error).toBeInstanceOf(UnknownWebhookError);
    expect(error).not.toBeInstanceOf(TokenExpiredError);
    expect(error.code).toBe(10015);
  });

  const botFaults: [FaultKind, new (...args: never[]) => DiscordApiError, number][] = [
    ["missing_permission", MissingPermissionError, 50013],
    ["missing_access", MissingPermissionError, 50001],
    ["unknown_message", NotFoundError, 10008],
    ["invalid_body", FatalError, 50035],
  ];
  for (const [kind, type, code] of botFaults) {
    it(`fault ${kind} → ${type.name} (${code})`, async () => {
      const { discord } = client();
      const channelId = freshId();
      await emulator.injectFault({ match: channelId, kind });
      const error = await failure(discord.createChannelMessage(channelId, { content: "x" }));
      expect(error).toBeInstanceOf(type);
      expect(error.code).toBe(code);
      expect(await emulator.requests(channelId)).toHaveLength(1);
    });
  }

  it("DMs closed or no mutual guild → CannotDm", async () => {
    const { discord } = client();
    const dm = await discord.openDmChannel(freshId());
    await emulator.injectFault({ match: dm.id, kind: "dm_closed" });
    expect((await failure(discord.createChannelMessage(dm.id, { content: "x" }))).code).toBe(50007);
    await emulator.injectFault({ match: dm.id, kind: "no_mutual_guilds" });
    const error = await failure(discord.createChannelMessage(dm.id, { content: "x" }));
    expect(error).toBeInstanceOf(CannotDmError);
    expect(error.code).toBe(50278);
  });

  it("a message that does not exist is NotFound (real 10008)", async () => {
    const { discord } = client();
    const error = await failure(discord.getChannelMessage(freshId(), freshId()));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe(10008);
  });

  it("an over-long message is Fatal invalid_body with Discord's errors, logged with the body", async () => {
    const { discord, logger } = client();
    const error = await failure(
      discord.createChannelMessage(freshId(), { content: "x".repeat(2001) }),
    );
    expect(error).toBeInstanceOf(FatalError);
    expect(error).toMatchObject({ status: 400, code: 50035, reason: "invalid_body" });
    expect(error.errors).toHaveProperty("content");
    expect(logger.lines.find((l) => l.event === "discord.invalid_body")?.body).toContain("xxxx");
  });

  it("an empty message is another 4xx (50006)", async () => {
    const { discord } = client();
    const error = await failure(discord.createChannelMessage(freshId(), { content: "" }));
    expect(error).toBeInstanceOf(ClientError);
    expect(error.code).toBe(50006);
  });

  it("a wrong bot token is Fatal bad_bot_token and counts as an invalid request", async () => {
    const discord = createDiscordClient(
      { ...env, DISCORD_BOT_TOKEN: "not-the-token" },
      { logger: memoryLogger() },
    );
    const error = await failure(discord.getChannelMessage(freshId(), freshId()));
    expect(error).toMatchObject({ status: 401, reason: "bad_bot_token" });
    expect(discord.invalidRequests).toBe(1);
  });

  it("a Cloudflare ban stops at once", async () => {
    const { discord, delays } = client();
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "cloudflare_ban", times: -1 });
    const error = await failure(discord.getChannelMessage(channelId, freshId()));
    expect(error).toBeInstanceOf(CloudflareBanError);
    expect(delays).toEqual([]);
    expect(await emulator.requests(channelId)).toHaveLength(1);
  });

  it("a 5xx is Transient and a 429 is RateLimited with Discord's retry_after", async () => {
    const { discord } = client();
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "server_error", status: 503 });
    const transient = await failure(discord.createChannelMessage(channelId, { content: "x" }));
    expect(transient).toBeInstanceOf(TransientError);
    expect(transient.status).toBe(503);
    await emulator.injectFault({
      match: channelId,
      kind: "rate_limit",
      retryAfterSeconds: 90,
      global: true,
    });
    const limited = await failure(discord.createChannelMessage(channelId, { content: "x" }));
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({
      status: 429,
      retryAfterMs: 90_000,
      global: true,
      scope: "global",
    });
  });
});
