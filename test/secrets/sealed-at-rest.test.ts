import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { channelOutbox } from "../../src/channel/outbox-client.ts";
import { createDiscordClient } from "../../src/discord/create-client.ts";
import { guildCallback, setGuildCallback } from "../../src/notifications/settings.ts";
import { MissingEncryptionKeyError, Sealer, sealerFor } from "../../src/secrets/sealer.ts";
import { emulator, freshId } from "../helpers/emulator.ts";

const key = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
const sealer = () => sealerFor(env);

async function rawCallbackSecret(guildId: string): Promise<string> {
  const row = await env.DB.prepare("SELECT callback_secret FROM guild_settings WHERE guild_id = ?")
    .bind(guildId)
    .first<{ callback_secret: string }>();
  return row?.callback_secret ?? "";
}

const webhookContext = (channelId: string) => `channel_webhooks.webhook_token:${channelId}`;

async function cacheWebhookRow(channelId: string, webhookId: string, stored: string) {
  await env.DB.prepare(
    "INSERT INTO channel_webhooks (channel_id, webhook_id, webhook_token, created_at) VALUES (?, ?, ?, ?)",
  )
    .bind(channelId, webhookId, stored, Date.now())
    .run();
}

function postInChannel(channelId: string, content: string) {
  return channelOutbox(env, channelId).send(channelId, {
    kind: "webhook_post",
    key: `${channelId}:${content}`,
    body: { content },
  });
}

async function rawWebhookToken(channelId: string): Promise<string> {
  const row = await env.DB.prepare(
    "SELECT webhook_token FROM channel_webhooks WHERE channel_id = ?",
  )
    .bind(channelId)
    .first<{ webhook_token: string }>();
  return row?.webhook_token ?? "";
}

describe("secrets at rest in D1", () => {
  it("a callback secret is stored sealed, unreadable without the key, readable with it", async () => {
    const guildId = freshId();
    const secret = "a".repeat(64);
    await setGuildCallback(env.DB, sealer(), guildId, { url: "https://hooks.example/", secret });
    const stored = await rawCallbackSecret(guildId);
    expect(stored).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(stored).not.toContain(secret);
    expect(await guildCallback(env.DB, sealer(), guildId)).toEqual({
      url: "https://hooks.example/",
      secret,
      previous: null,
    });
    // Another key, or none, opens nothing.
    expect(await guildCallback(env.DB, new Sealer(key()), guildId)).toBeNull();
    expect(await guildCallback(env.DB, new Sealer(undefined), guildId)).toBeNull();
  });

  it("a sealed value is bound to its row: copied into another row it does not open", async () => {
    const [from, to] = [freshId(), freshId()];
    await setGuildCallback(env.DB, sealer(), from, { url: "https://a.example/", secret: "s1" });
    await setGuildCallback(env.DB, sealer(), to, { url: "https://b.example/", secret: "s2" });
    await env.DB.prepare("UPDATE guild_settings SET callback_secret = ? WHERE guild_id = ?")
      .bind(await rawCallbackSecret(from), to)
      .run();
    expect(await guildCallback(env.DB, sealer(), to)).toBeNull();
  });

  // The channel outbox (src/channel/) keeps the webhook token in its own storage; D1 holds only
  // what earlier versions cached there, sealed (or plaintext from before sealing).
  it("a sealed webhook cached in D1 by an earlier version is adopted, posts, and leaves D1", async () => {
    const channelId = freshId();
    const made = await createDiscordClient(env).createChannelWebhook(channelId, "Longflow results");
    const token = made.token as string;
    await cacheWebhookRow(
      channelId,
      made.id,
      await sealer().seal(token, webhookContext(channelId)),
    );
    expect(await rawWebhookToken(channelId)).toMatch(/^enc:v1:/);
    const sent = await postInChannel(channelId, "one");
    expect(sent).toMatchObject({ kind: "sent", webhookId: made.id });
    expect((await channelOutbox(env, channelId).view()).created).toBe(0);
    expect(await emulator.webhooks(channelId)).toHaveLength(1);
    expect(await rawWebhookToken(channelId)).toBe("");
  });

  it("a plaintext row from before encryption is still read, then leaves D1", async () => {
    const channelId = freshId();
    const made = await createDiscordClient(env).createChannelWebhook(channelId, "Longflow results");
    await cacheWebhookRow(channelId, made.id, made.token as string);
    const sent = await postInChannel(channelId, "one");
    expect(sent).toMatchObject({ kind: "sent", webhookId: made.id });
    expect(await emulator.webhooks(channelId)).toHaveLength(1);
    expect(await rawWebhookToken(channelId)).toBe("");
  });

  it("a cached token that does not open counts as none: a new webhook, no token written to D1", async () => {
    const channelId = freshId();
    const made = await createDiscordClient(env).createChannelWebhook(channelId, "Longflow results");
    const foreign = await new Sealer(key()).seal(made.token as string, webhookContext(channelId));
    await cacheWebhookRow(channelId, made.id, foreign);
    const sent = await postInChannel(channelId, "one");
    expect(sent.kind).toBe("sent");
    expect(sent).not.toMatchObject({ webhookId: made.id });
    expect((await channelOutbox(env, channelId).view()).created).toBe(1);
    expect(await rawWebhookToken(channelId)).toBe(foreign);
  });

  it("rotation: values under the previous key open and are sealed again under the new one", async () => {
    const [oldKey, newKey] = [key(), key()];
    const guildId = freshId();
    await setGuildCallback(env.DB, new Sealer(oldKey), guildId, {
      url: "https://r.example/",
      secret: "rotate-me",
    });
    const before = await rawCallbackSecret(guildId);
    const rotated = new Sealer(newKey, oldKey);
    expect((await guildCallback(env.DB, rotated, guildId))?.secret).toBe("rotate-me");
    const after = await rawCallbackSecret(guildId);
    expect(after).not.toBe(before);
    expect(after.split(":")[2]).not.toBe(before.split(":")[2]); // another key id
    expect((await guildCallback(env.DB, new Sealer(newKey), guildId))?.secret).toBe("rotate-me");
  });

  it("without a key nothing is written: sealing refuses, /callback set says why", async () => {
    const none = new Sealer(undefined);
    expect(await none.ready()).toBe(false);
    await expect(none.seal("x", "ctx")).rejects.toBeInstanceOf(MissingEncryptionKeyError);
    expect(await new Sealer("too-short").ready()).toBe(false);
    const guildId = freshId();
    await expect(
      setGuildCallback(env.DB, none, guildId, { url: "https://n.example/", secret: "s" }),
    ).rejects.toBeInstanceOf(MissingEncryptionKeyError);
    expect(await rawCallbackSecret(guildId)).toBe("");
  });
});
