import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../../src/discord/errors.ts";
import { parseRateLimitHeaders } from "../../src/discord/rate-limit-headers.ts";
import { type BucketKey, MemoryRateLimitState } from "../../src/discord/rate-limit-state.ts";
import { json, message, rateLimitHeaders, unitClient } from "./support.ts";

const key = (major: string, subjectToGlobal = true): BucketKey => ({
  routeKey: "POST /channels/:channel_id/messages",
  majorParameter: major,
  subjectToGlobal,
});
const headers = (remaining: number, resetAfterS: number, bucket = "b1") =>
  parseRateLimitHeaders(new Headers(rateLimitHeaders(remaining, resetAfterS, bucket)));

describe("MemoryRateLimitState", () => {
  it("an unknown bucket sends at once", async () => {
    expect(await new MemoryRateLimitState().acquire(key("1"), 0)).toBe(0);
  });

  it("an exhausted bucket waits until its reset, then sends", async () => {
    const state = new MemoryRateLimitState();
    await state.update(key("1"), headers(0, 2.5), 1000);
    expect(await state.acquire(key("1"), 1000)).toBe(2500);
    expect(await state.acquire(key("1"), 2000)).toBe(1500);
    expect(await state.acquire(key("1"), 3500)).toBe(0);
  });

  it("counts requests against the remaining budget before the next answer arrives", async () => {
    const state = new MemoryRateLimitState();
    await state.update(key("1"), headers(2, 1), 0);
    expect(await state.acquire(key("1"), 0)).toBe(0);
    expect(await state.acquire(key("1"), 0)).toBe(0);
    expect(await state.acquire(key("1"), 0)).toBe(1000);
  });

  it("buckets are per major parameter", async () => {
    const state = new MemoryRateLimitState();
    await state.update(key("1"), headers(0, 5), 0);
    expect(await state.acquire(key("2"), 0)).toBe(0);
    expect(await state.acquire(key("1"), 0)).toBe(5000);
  });

  it("a global block holds every bucket except interaction routes", async () => {
    const state = new MemoryRateLimitState();
    await state.blockGlobally(4000);
    expect(await state.acquire(key("1"), 1000)).toBe(3000);
    expect(await state.acquire(key("2"), 1000)).toBe(3000);
    expect(await state.acquire(key("3", false), 1000)).toBe(0);
    expect(await state.acquire(key("1"), 4000)).toBe(0);
  });

  it("carried into a fresh state (a stage's next invocation): a spent bucket still waits, a refilled one is left behind", async () => {
    const before = new MemoryRateLimitState();
    await before.update(key("1"), headers(0, 1, "hash"), 0);
    await before.update(key("2"), headers(3, 0.2, "hash"), 0);
    const carried = JSON.parse(JSON.stringify(before.carry(500)));
    expect(carried).toEqual({
      globalResetAt: 0,
      hashes: { "POST /channels/:channel_id/messages": "hash" },
      buckets: { "hash:1": { remaining: 0, resetAt: 1000 } },
    });
    const after = new MemoryRateLimitState();
    expect(await after.acquire(key("1"), 600)).toBe(0); // a fresh client would send into it
    const adopted = new MemoryRateLimitState();
    adopted.adopt(carried);
    expect(await adopted.acquire(key("1"), 600)).toBe(400);
    expect(await adopted.acquire(key("2"), 600)).toBe(0);
    expect(await adopted.acquire(key("1"), 1000)).toBe(0);
  });

  it("its snapshot is plain data a Durable Object could store", async () => {
    const state = new MemoryRateLimitState();
    await state.update(key("1"), headers(0, 1, "hash"), 0);
    expect(state.snapshot()).toEqual({
      globalResetAt: 0,
      buckets: { "hash:1": { bucket: "hash", limit: 5, remaining: 0, resetAt: 1000 } },
    });
  });
});

describe("the client and the bucket state", () => {
  it("after headers say remaining 0, the next call waits for the reset before sending", async () => {
    let clock = 10_000;
    const { client, calls, delays } = unitClient(
      [
        json(200, message("a"), rateLimitHeaders(0, 0.75)),
        json(200, message("b"), rateLimitHeaders(4, 1)),
      ],
      { now: () => clock },
    );
    await client.createChannelMessage("42", { content: "one" });
    clock += 100;
    await client.createChannelMessage("42", { content: "two" });
    expect(delays).toEqual([650]);
    expect(calls).toHaveLength(2);
  });

  it("a wait beyond maxWaitMs throws RateLimitedError without sending", async () => {
    const { client, calls } = unitClient([json(200, message("a"), rateLimitHeaders(0, 30))]);
    await client.createChannelMessage("42", { content: "one" });
    const error = await client
      .createChannelMessage("42", { content: "two" }, { maxWaitMs: 1000 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.status).toBe(0);
    expect(error.retryAfterMs).toBe(30_000);
    expect(calls).toHaveLength(1);
  });

  it("a global 429 holds other bot routes until it passes", async () => {
    const global = json(
      429,
      { message: "You are being rate limited.", retry_after: 2, global: true },
      { "x-ratelimit-global": "true", "x-ratelimit-scope": "global", "retry-after": "2" },
    );
    const { client, calls, delays } = unitClient([global, json(200, message("a"))]);
    await expect(client.getChannelMessage("1", "2", { maxWaitMs: 1000 })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    expect(delays).toEqual([]);
    await client.getChannelMessage("99", "3");
    expect(delays).toEqual([2000]);
    expect(calls).toHaveLength(2);
    // Interaction webhooks are not bound by the global limit.
    const exempt = unitClient([global, json(200, message("b"))]);
    await exempt.client.getChannelMessage("1", "2", { maxWaitMs: 1000 }).catch(() => undefined);
    await exempt.client.getOriginalResponse("app", "tok");
    expect(exempt.delays).toEqual([]);
  });
});
