import { describe, expect, it, vi } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { postToChannel } from "./support.ts";

const BUCKET_HEADERS = [
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "x-ratelimit-reset-after",
  "x-ratelimit-bucket",
];

describe("rate limits", () => {
  it("sends the bucket headers on every answer (default 50 per second)", async () => {
    const res = await postToChannel(freshId(), { content: "hi" });
    for (const name of BUCKET_HEADERS) expect(res.headers.get(name), name).not.toBeNull();
    expect(res.headers.get("x-ratelimit-limit")).toBe("50");
    expect(res.headers.get("x-ratelimit-remaining")).toBe("49");
    expect(Number(res.headers.get("x-ratelimit-reset-after"))).toBeLessThanOrEqual(1);
    expect(Number(res.headers.get("x-ratelimit-reset")) * 1000).toBeGreaterThan(Date.now() - 5000);
  });

  it("answers 429 after the bucket's limit and accepts again after the window", async () => {
    const channelId = freshId();
    await emulator.setRateLimit({ match: channelId, limit: 2, windowMs: 400 });
    const first = await postToChannel(channelId, { content: "1" });
    const second = await postToChannel(channelId, { content: "2" });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(first.headers.get("x-ratelimit-bucket")).toBe(second.headers.get("x-ratelimit-bucket"));

    const limited = await postToChannel(channelId, { content: "3" });
    expect(limited.status).toBe(429);
    const body = (await limited.json()) as {
      message: string;
      retry_after: number;
      global: boolean;
    };
    expect(body.message).toBe("You are being rate limited.");
    expect(body.global).toBe(false);
    expect(body.retry_after).toBeGreaterThan(0);
    expect(body.retry_after).toBeLessThanOrEqual(0.4);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.headers.get("x-ratelimit-scope")).toBe("user");
    expect(limited.headers.get("x-ratelimit-global")).toBeNull();
    expect(limited.headers.get("x-ratelimit-limit")).toBe("2");
    expect((await emulator.messages({ channelId })).map((m) => m.content)).toEqual(["1", "2"]);

    await vi.waitFor(
      async () => expect((await postToChannel(channelId, { content: "4" })).status).toBe(200),
      { timeout: 3000, interval: 100 },
    );
  });

  it("counts each major parameter (channel) in its own bucket", async () => {
    const [a, b] = [freshId(), freshId()];
    await emulator.setRateLimit({ match: a, limit: 1, windowMs: 60_000 });
    await postToChannel(a, { content: "1" });
    expect((await postToChannel(a, { content: "2" })).status).toBe(429);
    expect((await postToChannel(b, { content: "1" })).status).toBe(200);
  });

  it("applies to interaction webhooks too, per token", async () => {
    const { token } = await emulator.createInteractionToken();
    await emulator.setRateLimit({ match: token, limit: 1, windowMs: 60_000 });
    const path = `/webhooks/${emulator.applicationId}/${token}`;
    expect((await emulator.api(path, { method: "POST", json: { content: "1" } })).status).toBe(200);
    expect((await emulator.api(path, { method: "POST", json: { content: "2" } })).status).toBe(429);
    await emulator.clearRateLimit(token);
    expect((await emulator.api(path, { method: "POST", json: { content: "3" } })).status).toBe(200);
  });
});

describe("the history route's own bucket", () => {
  it("counts GET /channels/{id}/messages apart, with headers, and takes a GET-only rule", async () => {
    const channelId = freshId();
    await emulator.seedHistory(channelId, { count: 10 });
    const read = () => emulator.api(`/channels/${channelId}/messages?limit=5`);
    const first = await read();
    for (const name of BUCKET_HEADERS) expect(first.headers.get(name), name).not.toBeNull();
    const posted = await postToChannel(channelId, { content: "hi" });
    expect(first.headers.get("x-ratelimit-bucket")).not.toBe(
      posted.headers.get("x-ratelimit-bucket"),
    );

    await emulator.setRateLimit({ match: channelId, method: "GET", limit: 3, windowMs: 60_000 });
    const answers = [await read(), await read(), await read(), await read()];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((r) => r.headers.get("x-ratelimit-remaining"))).toEqual([
      "2",
      "1",
      "0",
      "0",
    ]);
    expect(answers[0]?.headers.get("x-ratelimit-limit")).toBe("3");
    expect(Number(answers[3]?.headers.get("x-ratelimit-reset-after"))).toBeGreaterThan(50);
    // The rule names GET: posting to the same channel is not limited by it.
    expect((await postToChannel(channelId, { content: "still" })).status).toBe(200);
    await emulator.clearRateLimit(channelId);
    expect((await read()).status).toBe(200);
  });

  it("applies the most specific rule, not the latest: method first, then the longer match", async () => {
    const [a, b] = [freshId(), freshId()];
    await emulator.setRateLimit({ match: a, method: "GET", limit: 100, windowMs: 60_000 });
    await emulator.setRateLimit({ match: `/channels/${a}/messages`, limit: 1, windowMs: 60_000 });
    await emulator.setRateLimit({ match: `/channels/${b}`, limit: 100, windowMs: 60_000 });
    await emulator.setRateLimit({ match: b, limit: 1, windowMs: 60_000 });
    for (const channelId of [a, b]) {
      const answers = [];
      for (let i = 0; i < 3; i++)
        answers.push(await emulator.api(`/channels/${channelId}/messages`));
      expect(answers.map((r) => r.headers.get("x-ratelimit-limit"))).toEqual(["100", "100", "100"]);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    }
  });

  it("logs a page of history as its message ids", async () => {
    const channelId = freshId();
    const seeded = await emulator.seedHistory(channelId, { count: 3 });
    await emulator.api(`/channels/${channelId}/messages?limit=2`);
    const [logged] = await emulator.requests(`/channels/${channelId}/messages`);
    const { messages } = await emulator.history(channelId);
    expect(logged?.response).toEqual({ message_ids: [seeded.newestId, messages[1]?.id] });
  });
});
