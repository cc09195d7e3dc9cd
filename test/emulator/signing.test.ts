import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";

function fromHex(hex: string): Uint8Array {
  return new Uint8Array((hex.match(/../g) ?? []).map((byte) => Number.parseInt(byte, 16)));
}

async function verify(signatureHex: string, timestamp: string, body: string): Promise<boolean> {
  const key = await crypto.subtle.importKey(
    "raw",
    fromHex(emulator.publicKeyHex),
    { name: "Ed25519" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify(
    "Ed25519",
    key,
    fromHex(signatureHex),
    new TextEncoder().encode(timestamp + body),
  );
}

describe("signing and sending interactions", () => {
  it("signs timestamp + body with the key the bot is given", async () => {
    const body = JSON.stringify({ type: 1, id: freshId() });
    const { signature, timestamp } = await emulator.sign(body, "1700000000");
    expect(timestamp).toBe("1700000000");
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
    expect(await verify(signature, timestamp, body)).toBe(true);
    expect(await verify(signature, timestamp, `${body} `)).toBe(false);
  });

  it("uses the current time when no timestamp is given", async () => {
    const { timestamp } = await emulator.sign("{}");
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
  });

  it("delivers a signed, filled-in interaction and records a type-4 answer as @original", async () => {
    const channelId = freshId();
    const userId = freshId();
    const result = await emulator.sendInteraction({
      url: emulator.echoBotUrl(),
      interaction: {
        channel_id: channelId,
        member: { user: { id: userId } },
        data: { name: "start", type: 1 },
      },
    });
    // The echo bot checks the signature and answers 401 on a bad one.
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ type: 4, data: { content: `echo ${result.interactionId}` } });
    const [original] = await emulator.messages({ token: result.token });
    expect(original).toMatchObject({
      source: "interaction",
      channel_id: channelId,
      content: `echo ${result.interactionId}`,
    });
  });

  it("fills a guild interaction like Discord does", async () => {
    const [channelId, guildId, userId] = [freshId(), freshId(), freshId()];
    const result = await emulator.sendInteraction({
      url: emulator.echoBotUrl({ includeInteraction: true }),
      interaction: {
        type: 2,
        channel_id: channelId,
        guild_id: guildId,
        member: { user: { id: userId } },
      },
    });
    const { received } = result.body as { received: Record<string, unknown> };
    expect(received).toMatchObject({
      id: result.interactionId,
      token: result.token,
      application_id: emulator.applicationId,
      type: 2,
      version: 1,
      channel_id: channelId,
      guild_id: guildId,
      member: { user: { id: userId, username: expect.any(String) }, roles: [] },
      locale: expect.any(String),
      app_permissions: expect.stringMatching(/^\d+$/),
      data: { name: expect.any(String) },
    });
    expect(received.user).toBeUndefined();
  });

  it("fills a DM interaction with a user and no member or guild", async () => {
    const userId = freshId();
    const result = await emulator.sendInteraction({
      url: emulator.echoBotUrl({ includeInteraction: true }),
      interaction: { user: { id: userId } },
    });
    const { received } = result.body as { received: Record<string, unknown> };
    expect(received).toMatchObject({ user: { id: userId }, context: 1 });
    expect(received.member).toBeUndefined();
    expect(received.guild_id).toBeUndefined();
  });

  it("records a type-5 answer as a deferred @original the bot then edits", async () => {
    const result = await emulator.sendInteraction({
      url: emulator.echoBotUrl({ type: 5 }),
      interaction: {},
    });
    expect(result.status).toBe(200);
    const res = await emulator.api(
      `/webhooks/${emulator.applicationId}/${result.token}/messages/@original`,
      {
        method: "PATCH",
        json: { content: "finished" },
      },
    );
    expect(res.status).toBe(200);
    expect((await emulator.messages({ token: result.token }))[0]).toMatchObject({
      content: "finished",
      edits: 1,
    });
  });

  it("lets a bot that answered 202 respond through the callback", async () => {
    const result = await emulator.sendInteraction({
      url: emulator.echoBotUrl({ status: 202 }),
      interaction: {},
    });
    expect(result.status).toBe(202);
    expect(await emulator.messages({ token: result.token })).toEqual([]);
    const res = await emulator.api(
      `/interactions/${result.interactionId}/${result.token}/callback`,
      {
        method: "POST",
        json: { type: 4, data: { content: "via callback" } },
      },
    );
    expect(res.status).toBe(204);
    expect((await emulator.messages({ token: result.token }))[0]?.content).toBe("via callback");
  });

  it("gives up on a bot that does not answer in time, and the token dies", async () => {
    const result = await emulator.sendInteraction({
      url: emulator.echoBotUrl({ delayMs: 1000 }),
      interaction: {},
      timeoutMs: 200,
    });
    expect(result).toMatchObject({ status: 0, error: "timeout" });
    const res = await emulator.api(
      `/webhooks/${emulator.applicationId}/${result.token}/messages/@original`,
    );
    expect(res.status).toBe(401);
  });

  it("the echo bot refuses a bad signature, like a real bot must", async () => {
    const body = JSON.stringify({ type: 1 });
    const { signature, timestamp } = await emulator.sign(body);
    const res = await fetch(emulator.echoBotUrl(), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-signature-ed25519": signature,
        "x-signature-timestamp": String(Number(timestamp) - 1),
      },
      body,
    });
    expect(res.status).toBe(401);
  });
});
