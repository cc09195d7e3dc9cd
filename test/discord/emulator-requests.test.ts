import { env } from "cloudflare:workers";
import type { APIEmbed } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { createDiscordClient } from "../../src/discord/create-client.ts";
import { buildMessages, textToEmbeds } from "../../src/discord/render/message-builder.ts";
import {
  embedTextLength,
  fitsInMessage,
  MessageLimits,
} from "../../src/discord/render/message-limits.ts";
import { USER_AGENT } from "../../src/discord/request.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import { memoryLogger } from "./support.ts";

const appId = env.DISCORD_APPLICATION_ID;
const discord = () => createDiscordClient(env, { logger: memoryLogger() });
const x = (n: number) => "x".repeat(n);

describe("what reaches the emulator", () => {
  it("bot routes carry User-Agent and Bot auth; interaction routes carry no Authorization", async () => {
    const client = discord();
    const channelId = freshId();
    await client.createChannelMessage(channelId, { content: "bot" });
    const { token } = await emulator.createInteractionToken({ channelId });
    await client.editOriginalResponse(appId, token, { content: "interaction" });
    const [bot] = await emulator.requests(channelId);
    expect(bot?.authorization).toBe(`Bot ${env.DISCORD_BOT_TOKEN}`);
    expect(bot?.userAgent).toBe(USER_AGENT);
    const [edit] = (await emulator.requests(token)).filter((r) => r.method === "PATCH");
    expect(edit?.authorization).toBeNull();
    expect(edit?.userAgent).toBe(USER_AGENT);
  });

  it("channel webhooks are executed with wait=true and no bot token", async () => {
    const client = discord();
    const channelId = freshId();
    const webhook = await client.createChannelWebhook(channelId, "Longflow results");
    const sent = await client.executeWebhook(webhook.id, webhook.token as string, {
      content: "hi",
    });
    const edited = await client.editWebhookMessage(webhook.id, webhook.token as string, sent.id, {
      content: "edited",
    });
    expect(edited.content).toBe("edited");
    const read = await client.getWebhookMessage(webhook.id, webhook.token as string, sent.id);
    expect(read.content).toBe("edited");
    const [execute] = (await emulator.requests(webhook.id)).filter((r) => r.method === "POST");
    expect(execute?.query).toContain("wait=true");
    expect(execute?.authorization).toBeNull();
  });

  it("a multipart upload arrives with payload_json and named files", async () => {
    const client = discord();
    const { token } = await emulator.createInteractionToken();
    const report = "# Report\n".repeat(500);
    const sent = await client.editOriginalResponse(appId, token, {
      content: "The full report is attached.",
      files: [
        { name: "report.md", data: report, contentType: "text/markdown" },
        {
          name: "data.json",
          data: new TextEncoder().encode('{"a":1}'),
          contentType: "application/json",
        },
      ],
    });
    expect(sent.attachments.map((a) => a.filename)).toEqual(["report.md", "data.json"]);
    const [edit] = (await emulator.requests(token)).filter((r) => r.method === "PATCH");
    expect(edit?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const body = edit?.body as {
      payload_json: unknown;
      files: { field: string; filename: string; size: number }[];
    };
    expect(body.payload_json).toMatchObject({ content: "The full report is attached." });
    expect(body.files).toEqual([
      expect.objectContaining({ field: "files[0]", filename: "report.md", size: report.length }),
      expect.objectContaining({ field: "files[1]", filename: "data.json", size: 7 }),
    ]);
  });

  it("typed methods round-trip: follow-ups, channel messages, DMs, commands", async () => {
    const client = discord();
    const { token } = await emulator.createInteractionToken();
    const followup = await client.createFollowupMessage(appId, token, { content: "f", flags: 64 });
    const edited = await client.editFollowupMessage(appId, token, followup.id, { content: "f2" });
    expect(edited.content).toBe("f2");
    expect((await client.getOriginalResponse(appId, token)).id).toBeTruthy();
    await client.deleteOriginalResponse(appId, token);
    const channelId = freshId();
    const posted = await client.createChannelMessage(channelId, { content: "c" });
    await client.editChannelMessage(channelId, posted.id, { content: "c2" });
    expect((await client.getChannelMessage(channelId, posted.id)).content).toBe("c2");
    const dm = await client.openDmChannel(freshId());
    expect(dm.id).toBeTruthy();
    const commands = [{ name: "ping", description: "Replies with pong", type: 1 as const }];
    expect(await client.putGlobalCommands(appId, commands)).toHaveLength(1);
    expect(await client.putGuildCommands(appId, freshId(), commands)).toHaveLength(1);
  });

  it("a message at every limit at once is accepted", async () => {
    const client = discord();
    const channelId = freshId();
    const head: APIEmbed = {
      title: x(MessageLimits.title),
      description: x(2000),
      author: { name: x(MessageLimits.author) },
      footer: { text: x(200) },
      fields: Array.from({ length: MessageLimits.fields }, (_, i) => ({
        name: i === 0 ? x(MessageLimits.fieldName) : `f${i}`,
        value: i === 0 ? x(MessageLimits.fieldValue) : "v",
      })),
    };
    const rest = MessageLimits.embedTotal - embedTextLength(head);
    const fillers = Array.from({ length: 9 }, (_, i) => ({
      description: x(i === 8 ? rest - 8 * Math.floor(rest / 9) : Math.floor(rest / 9)),
    }));
    const body = { content: x(MessageLimits.content), embeds: [head, ...fillers] };
    expect(body.embeds.reduce((sum, e) => sum + embedTextLength(e), 0)).toBe(
      MessageLimits.embedTotal,
    );
    expect(fitsInMessage(body)).toBe(true);
    const sent = await client.createChannelMessage(channelId, body);
    expect(sent.embeds).toHaveLength(MessageLimits.embeds);
    const over = { ...body, embeds: [head, ...fillers.slice(0, 8), { description: x(rest) }] };
    expect(fitsInMessage(over)).toBe(false);
    await expect(client.createChannelMessage(channelId, over)).rejects.toMatchObject({
      code: 50035,
    });
  });

  it("a long result split by buildMessages is accepted message by message", async () => {
    const client = discord();
    const channelId = freshId();
    const text = Array.from({ length: 2500 }, (_, i) => `finding ${i}: ${x(i % 50)}`).join("\n");
    const messages = buildMessages({
      content: text.slice(0, 3000),
      embeds: [
        ...textToEmbeds(text, { title: "Report", footer: "end", color: 0x5865f2 }),
        {
          title: "Fields",
          fields: Array.from({ length: 40 }, (_, i) => ({ name: `n${i}`, value: x(1100) })),
        },
      ],
    });
    for (const body of messages) await client.createChannelMessage(channelId, body);
    const statuses = (await emulator.requests(channelId)).map((r) => r.status);
    expect(statuses).toEqual(messages.map(() => 200));
  });
});
