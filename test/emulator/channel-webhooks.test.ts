import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { type DiscordMessage, expectDiscordError } from "./support.ts";

type Webhook = { id: string; token: string; name: string; channel_id: string; type: number };

function createWebhook(channelId: string, name: unknown): Promise<Response> {
  return emulator.api(`/channels/${channelId}/webhooks`, { method: "POST", json: { name } });
}

async function newWebhook(channelId = freshId()): Promise<Webhook> {
  return (await (await createWebhook(channelId, "Results")).json()) as Webhook;
}

describe("channel webhooks", () => {
  it("creates a webhook with a token, listed on its channel", async () => {
    const channelId = freshId();
    const res = await createWebhook(channelId, "Results");
    expect(res.status).toBe(200);
    const webhook = (await res.json()) as Webhook;
    expect(webhook).toMatchObject({ name: "Results", channel_id: channelId, type: 1 });
    expect(webhook.token.length).toBeGreaterThan(30);
    const listed = (await (
      await emulator.api(`/channels/${channelId}/webhooks`)
    ).json()) as Webhook[];
    expect(listed.map((w) => w.id)).toEqual([webhook.id]);
  });

  it.each([
    ["an empty name", ""],
    ["a name over 80 characters", "x".repeat(81)],
    ["a name containing clyde", "Clyde helper"],
    ["a name containing discord", "my DISCORD bot"],
    ["no name", undefined],
  ])("refuses %s with 50035", async (_label, name) => {
    const body = await expectDiscordError(await createWebhook(freshId(), name), 400, 50035);
    expect(body.errors).toHaveProperty("name");
  });

  it("accepts an 80-character name", async () => {
    expect((await createWebhook(freshId(), "x".repeat(80))).status).toBe(200);
  });

  it("answers an execution without wait=true with 204, and still posts", async () => {
    const webhook = await newWebhook();
    const res = await emulator.api(`/webhooks/${webhook.id}/${webhook.token}`, {
      method: "POST",
      json: { content: "fire and forget" },
    });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    const [message] = await emulator.messages({ channelId: webhook.channel_id });
    expect(message).toMatchObject({
      content: "fire and forget",
      source: "webhook",
      webhook_id: webhook.id,
    });
  });

  it("answers wait=true with the message, then edits and reads it", async () => {
    const webhook = await newWebhook();
    const base = `/webhooks/${webhook.id}/${webhook.token}`;
    const res = await emulator.api(`${base}?wait=true`, {
      method: "POST",
      json: { content: "v1", username: "Workflow" },
    });
    expect(res.status).toBe(200);
    const message = (await res.json()) as DiscordMessage;
    expect(message).toMatchObject({
      content: "v1",
      webhook_id: webhook.id,
      author: { username: "Workflow" },
    });

    const edited = await emulator.api(`${base}/messages/${message.id}`, {
      method: "PATCH",
      json: { content: "v2" },
    });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as DiscordMessage).content).toBe("v2");
    const read = (await (
      await emulator.api(`${base}/messages/${message.id}`)
    ).json()) as DiscordMessage;
    expect(read.content).toBe("v2");
    const [stored] = await emulator.messages({ channelId: webhook.channel_id });
    expect(stored?.edits).toBe(1);
  });

  it("refuses a username override containing discord", async () => {
    const webhook = await newWebhook();
    const res = await emulator.api(`/webhooks/${webhook.id}/${webhook.token}?wait=true`, {
      method: "POST",
      json: { content: "x", username: "Discord" },
    });
    await expectDiscordError(res, 400, 50035);
  });

  it("answers a wrong token with 401 50027 and another webhook's message with 10008", async () => {
    const webhook = await newWebhook();
    const other = await newWebhook(webhook.channel_id);
    await expectDiscordError(
      await emulator.api(`/webhooks/${webhook.id}/wrong-token?wait=true`, {
        method: "POST",
        json: { content: "x" },
      }),
      401,
      50027,
    );
    const posted = (await (
      await emulator.api(`/webhooks/${other.id}/${other.token}?wait=true`, {
        method: "POST",
        json: { content: "o" },
      })
    ).json()) as DiscordMessage;
    const res = await emulator.api(
      `/webhooks/${webhook.id}/${webhook.token}/messages/${posted.id}`,
    );
    await expectDiscordError(res, 404, 10008);
  });

  it("answers 10015 once the webhook is deleted", async () => {
    const webhook = await newWebhook();
    expect((await emulator.api(`/webhooks/${webhook.id}`, { method: "DELETE" })).status).toBe(204);
    const res = await emulator.api(`/webhooks/${webhook.id}/${webhook.token}?wait=true`, {
      method: "POST",
      json: { content: "too late" },
    });
    await expectDiscordError(res, 404, 10015);
  });
});
