import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CarriedRateLimits } from "../../src/discord/rate-limit-state.ts";
import { createLogger } from "../../src/log.ts";
import { stageDiscord } from "../../src/queue/stage-discord-client.ts";
import { emulator, freshId } from "../helpers/emulator.ts";

// Each stage invocation reads Discord through a fresh client. What the last invocation learnt
// about a bucket travels in the stage's state (rateLimits → carryRateLimits), so the next
// invocation's first read waits for the bucket instead of being answered 429.

const log = createLogger({ component: "test" });

/** A channel whose history allows three reads per two seconds, read until its bucket is spent. */
async function spentChannel(): Promise<{ channelId: string; carried: CarriedRateLimits }> {
  const channelId = freshId();
  await emulator.seedHistory(channelId, { count: 5, guildId: freshId() });
  await emulator.setRateLimit({ match: channelId, method: "GET", limit: 3, windowMs: 2_000 });
  const first = stageDiscord(env, log, "en-US");
  for (let page = 0; page < 3; page++) await first.channelMessages(channelId, { limit: 100 });
  return { channelId, carried: first.rateLimits() };
}

async function tooMany(channelId: string): Promise<number> {
  const reads = await emulator.requests(`/channels/${channelId}/messages`);
  return reads.filter((r) => r.status === 429).length;
}

describe("a stage's Discord buckets across invocations", () => {
  it("carried into the next invocation's client: its first read waits for the spent bucket, no 429", async () => {
    const { channelId, carried } = await spentChannel();
    const next = stageDiscord(env, log, "en-US");
    next.carryRateLimits(JSON.parse(JSON.stringify(carried)));
    await next.channelMessages(channelId, { limit: 100 });
    expect(await tooMany(channelId)).toBe(0);
  });

  it("not carried: the fresh client's first read lands in the spent bucket and is answered 429", async () => {
    const { channelId } = await spentChannel();
    await stageDiscord(env, log, "en-US").channelMessages(channelId, { limit: 100 });
    expect(await tooMany(channelId)).toBe(1);
  });
});
