import { describe, expect, it } from "vitest";
import { USER_AGENT } from "../../src/discord/request.ts";
import { routes } from "../../src/discord/routes.ts";
import { json, message, unitClient } from "./support.ts";

describe("request building", () => {
  it("bot routes carry the bot token, User-Agent and a JSON body", async () => {
    const { client, calls } = unitClient([json(200, message("9"))]);
    await client.createChannelMessage("123", { content: "hi" });
    const call = calls[0];
    expect(call?.url).toBe("https://discord.test/api/v10/channels/123/messages");
    expect(call?.method).toBe("POST");
    expect(call?.headers.get("authorization")).toBe("Bot test-bot-token");
    expect(call?.headers.get("user-agent")).toBe(USER_AGENT);
    expect(call?.headers.get("content-type")).toBe("application/json");
    // Every message says who it may ping: nobody, unless the caller says otherwise.
    expect(JSON.parse(call?.body as string)).toEqual({
      content: "hi",
      allowed_mentions: { parse: [] },
    });
  });

  it("interaction and channel-webhook routes never carry the bot token", async () => {
    const { client, calls } = unitClient([json(200, message("9"))]);
    await client.editOriginalResponse("app", "tok/en", { content: "x" });
    await client.executeWebhook("77", "hooktoken", { content: "y" });
    await client.createInteractionResponse("55", "itok", { type: 5 });
    expect(calls.map((c) => c.url)).toEqual([
      "https://discord.test/api/v10/webhooks/app/tok%2Fen/messages/@original",
      "https://discord.test/api/v10/webhooks/77/hooktoken?wait=true",
      "https://discord.test/api/v10/interactions/55/itok/callback",
    ]);
    for (const call of calls) {
      expect(call.headers.get("authorization")).toBeNull();
      expect(call.headers.get("user-agent")).toBe(USER_AGENT);
    }
  });

  it("files go as multipart: payload_json naming files[n] by index, with filenames", async () => {
    const { client, calls } = unitClient([json(200, message("9"))]);
    await client.createFollowupMessage("app", "tok", {
      content: "report attached",
      files: [
        { name: "report.md", data: "# Report", contentType: "text/markdown" },
        { name: "data.bin", data: new Uint8Array([1, 2, 3]) },
      ],
    });
    const body = calls[0]?.body;
    expect(body).toBeInstanceOf(FormData);
    const form = body as FormData;
    expect(JSON.parse(form.get("payload_json") as string)).toEqual({
      content: "report attached",
      allowed_mentions: { parse: [] },
      attachments: [
        { id: 0, filename: "report.md" },
        { id: 1, filename: "data.bin" },
      ],
    });
    const first = form.get("files[0]") as File;
    const second = form.get("files[1]") as File;
    expect(first.name).toBe("report.md");
    expect(first.type).toBe("text/markdown");
    expect(await first.text()).toBe("# Report");
    expect(second.name).toBe("data.bin");
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    // fetch sets multipart/form-data with its boundary itself.
    expect(calls[0]?.headers.get("content-type")).toBeNull();
  });

  it("a 204 answer resolves to undefined", async () => {
    const { client } = unitClient([json(204, null)]);
    await expect(client.deleteOriginalResponse("app", "tok")).resolves.toBeUndefined();
  });

  it("route templates and major parameters never hold the token", () => {
    const route = routes.followupMessage("PATCH", "app", "secret-token", "42");
    expect(route.template).toBe("/webhooks/:application_id/:token/messages/:message_id");
    expect(route.majorParameter).not.toContain("secret-token");
    expect(routes.executeWebhook("7", "secret-token").template).toBe(
      "/webhooks/:webhook_id/:token",
    );
    expect(routes.channelMessages("123").majorParameter).toBe("123");
    expect(routes.guildCommands("app", "g1").majorParameter).toBe("g1");
  });

  it("covers every typed method with its route and method", async () => {
    const { client, calls } = unitClient([json(200, {})]);
    await client.getOriginalResponse("a", "t");
    await client.editFollowupMessage("a", "t", "5", { content: "e" });
    await client.getChannelMessage("1", "2");
    await client.editChannelMessage("1", "2", { content: "e" });
    await client.createChannelWebhook("1", "Longflow");
    await client.editWebhookMessage("7", "wt", "3", { content: "e" });
    await client.getWebhookMessage("7", "wt", "3");
    await client.openDmChannel("u1");
    await client.putGlobalCommands("a", []);
    await client.putGuildCommands("a", "g", []);
    expect(
      calls.map((c) => `${c.method} ${new URL(c.url).pathname.replace("/api/v10", "")}`),
    ).toEqual([
      "GET /webhooks/a/t/messages/@original",
      "PATCH /webhooks/a/t/messages/5",
      "GET /channels/1/messages/2",
      "PATCH /channels/1/messages/2",
      "POST /channels/1/webhooks",
      "PATCH /webhooks/7/wt/messages/3",
      "GET /webhooks/7/wt/messages/3",
      "POST /users/@me/channels",
      "PUT /applications/a/commands",
      "PUT /applications/a/guilds/g/commands",
    ]);
    expect(JSON.parse(calls[7]?.body as string)).toEqual({ recipient_id: "u1" });
    expect(JSON.parse(calls[4]?.body as string)).toEqual({ name: "Longflow" });
  });
});
