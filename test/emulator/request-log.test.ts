import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { postToChannel } from "./support.ts";

describe("request log, message store and stats", () => {
  it("records each request with its headers, body and answer", async () => {
    const channelId = freshId();
    await emulator.api(`/channels/${channelId}/messages?probe=1`, {
      method: "POST",
      json: { content: "logged" },
      headers: { "user-agent": "DiscordBot (https://example.test, 1.0)" },
    });
    const [entry] = await emulator.requests(channelId);
    expect(entry).toMatchObject({
      method: "POST",
      path: `/channels/${channelId}/messages`,
      query: "probe=1",
      authorization: `Bot ${emulator.botToken}`,
      userAgent: "DiscordBot (https://example.test, 1.0)",
      contentType: "application/json",
      body: { content: "logged" },
      status: 200,
      response: expect.objectContaining({ content: "logged", channel_id: channelId }),
    });
    expect(entry?.at).toBeGreaterThan(Date.now() - 60_000);
  });

  it("filters by sequence number with since", async () => {
    const channelId = freshId();
    await postToChannel(channelId, { content: "1" });
    const [first] = await emulator.requests(channelId);
    await postToChannel(channelId, { content: "2" });
    const later = await emulator.requests(channelId, first?.seq);
    expect(later.map((r) => r.body)).toEqual([{ content: "2" }]);
  });

  it("keeps every kind of message with its source", async () => {
    const channelId = freshId();
    const { token } = await emulator.createInteractionToken({ channelId });
    await emulator.api(`/webhooks/${emulator.applicationId}/${token}`, {
      method: "POST",
      json: { content: "f" },
    });
    await postToChannel(channelId, { content: "b" });
    const webhook = (await (
      await emulator.api(`/channels/${channelId}/webhooks`, { method: "POST", json: { name: "w" } })
    ).json()) as { id: string; token: string };
    await emulator.api(`/webhooks/${webhook.id}/${webhook.token}`, {
      method: "POST",
      json: { content: "w" },
    });

    const messages = await emulator.messages({ channelId });
    expect(messages.map((m) => [m.source, m.content])).toEqual([
      ["interaction", ""],
      ["followup", "f"],
      ["bot", "b"],
      ["webhook", "w"],
    ]);
    expect((await emulator.messages({ token })).map((m) => m.source)).toEqual([
      "interaction",
      "followup",
    ]);
  });

  it("counts 401, 403 and 429 as invalid requests, but not a shared-scope 429", async () => {
    const channelId = freshId();
    const before = await emulator.stats();
    await emulator.api(`/channels/${channelId}/messages`, {
      method: "POST",
      json: { content: "x" },
      headers: { authorization: "Bot wrong" },
    });
    await emulator.injectFault({ match: channelId, kind: "missing_permission" });
    await postToChannel(channelId, { content: "x" });
    await emulator.injectFault({ match: channelId, kind: "rate_limit" });
    await postToChannel(channelId, { content: "x" });
    const after = await emulator.stats();
    expect(after.invalidRequests - before.invalidRequests).toBeGreaterThanOrEqual(3);
    expect(after.requests - before.requests).toBeGreaterThanOrEqual(3);

    await emulator.injectFault({ match: channelId, kind: "rate_limit", scope: "shared" });
    const shared = await postToChannel(channelId, { content: "x" });
    expect(shared.headers.get("x-ratelimit-scope")).toBe("shared");
    await postToChannel(channelId, { content: "x" });
    // Other test files share the counter; each request says whether it counted.
    const mine = await emulator.requests(channelId);
    expect(mine.map((r) => [r.status, r.invalid])).toEqual([
      [401, true],
      [403, true],
      [429, true],
      [429, false],
      [200, false],
    ]);
  });
});
